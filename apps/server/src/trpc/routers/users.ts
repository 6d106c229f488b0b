import { userCreateSchema, userSearchSchema, userUpdateSchema } from '@flowyard/engine';
import { z } from 'zod';
import { authedProcedure, procedureWith, router } from '../init';

export const usersRouter = router({
  /** Everyone, by name (the Users page). */
  list: procedureWith('users.manage').query(({ ctx }) => ctx.services.users.list()),
  create: procedureWith('users.manage').input(userCreateSchema).mutation(({ ctx, input }) => ctx.services.users.create(input)),
  /** Name, role, disabled, password; refuses to leave no enabled admin (CONFLICT naming the field). */
  update: procedureWith('users.manage').input(userUpdateSchema).mutation(({ ctx, input }) => ctx.services.users.update(input)),
  /** Name or email contains `text`: everyone with users.read, otherwise only oneself. */
  search: authedProcedure.input(userSearchSchema).query(({ ctx, input }) => ctx.services.users.searchAs(ctx.user, input.text)),
  /** Oneself, or anyone with users.read (FORBIDDEN otherwise). */
  get: authedProcedure.input(z.object({ id: z.string().min(1) })).query(({ ctx, input }) => ctx.services.users.getAs(ctx.user, input.id)),
});
