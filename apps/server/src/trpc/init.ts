import { isFlowyardError } from '@flowyard/engine';
import { initTRPC, TRPCError } from '@trpc/server';
import { log } from '../log';
import { describeApiError } from './api-error';
import type { Context } from './context';
import { trpcCodeBySpecCode } from './error-map';

const t = initTRPC.context<Context>().create({
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

export const router = t.router;
export const procedure = t.procedure.use(errorMapping);
export const createCallerFactory = t.createCallerFactory;
