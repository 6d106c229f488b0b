import { signInSchema } from '@flowyard/engine';
import { publicProcedure, router } from '../init';

export const authRouter = router({
  /** Checks email and password, sets the `flowyard_session` cookie and returns the user. */
  signIn: publicProcedure.input(signInSchema).mutation(async ({ ctx, input }) => {
    const { user, token } = await ctx.services.auth.signIn(input, ctx.clientAddress);
    // A browser signing in as someone else leaves nothing of the previous session behind.
    await ctx.services.auth.signOut(ctx.sessionId);
    ctx.sessionCookie.set(token);
    return user;
  }),
  /** Ends the cookie's session (if any) and clears the cookie. */
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.services.auth.signOut(ctx.sessionId);
    ctx.sessionCookie.clear();
    return { signedOut: true };
  }),
  /** The signed-in user, or null. */
  session: publicProcedure.query(({ ctx }) => ctx.user),
});
