import { can, FlowyardError, isFlowyardError, roleLabels, type Permission } from '@flowyard/engine';
import { initTRPC, TRPCError } from '@trpc/server';
import { log } from '../log';
import { describeApiError } from './api-error';
import type { Context } from './context';
import { trpcCodeBySpecCode } from './error-map';

/**
 * Who may call a procedure: anyone (`public`), any signed-in user (`authed`; the
 * handler may check more, e.g. "self or users.read"), or holders of a permission.
 */
export type Access = 'public' | 'authed' | Permission;

export interface ProcedureMeta {
  access: Access;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Stack traces never go to clients, in development either.
    isDev: false,
    // Pings keep SSE subscriptions alive through proxies; the client reconnects after silence.
    sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } },
    errorFormatter({ shape, error }) {
      const api = describeApiError(error);
      return {
        code: shape.code,
        message: api.message,
        data: {
          code: api.code,
          trpcCode: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          issues: api.issues,
          details: api.details,
        },
      };
    },
  });

/**
 * Gives FlowyardErrors their mapped tRPC code, and logs anything unexpected (the
 * client sees only a generic message for those; see api-error.ts).
 */
const errorMapping = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (isFlowyardError(cause)) {
    throw new TRPCError({ code: trpcCodeBySpecCode[cause.code], message: cause.message, cause });
  }
  if (result.error.code === 'INTERNAL_SERVER_ERROR') log.error(`Unexpected error in ${path}`, cause ?? result.error);
  return result;
});

const signedIn = t.middleware(({ ctx, next }) => {
  if (ctx.user === null) throw new FlowyardError('UNAUTHORIZED', 'Sign in to use Flowyard');
  return next({ ctx: { user: ctx.user } });
});

/** Checks the permission before the input is parsed: a caller without it learns nothing about the input. */
function permitted(permission: Permission) {
  return t.middleware(({ ctx, next }) => {
    if (ctx.user === null) throw new FlowyardError('UNAUTHORIZED', 'Sign in to use Flowyard');
    if (!can(ctx.user.role, permission)) {
      throw new FlowyardError('FORBIDDEN', `A ${roleLabels[ctx.user.role]} may not do this (needs ${permission})`, {
        details: { permission, role: ctx.user.role },
      });
    }
    return next({ ctx: { user: ctx.user } });
  });
}

const base = t.procedure.use(errorMapping);

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Callable without signing in: `auth.signIn`, `auth.session`, `auth.signOut`. */
export const publicProcedure = base.meta({ access: 'public' });

/** Any signed-in user (session cookie or API key); `ctx.user` is set. */
export const authedProcedure = base.meta({ access: 'authed' }).use(signedIn);

/** A signed-in user whose role holds `permission` (see packages/engine/src/users/permissions.ts); FORBIDDEN otherwise. */
export function procedureWith(permission: Permission) {
  return base.meta({ access: permission }).use(permitted(permission));
}
