import { FlowyardError } from '@flowyard/engine';
import { TRPCError } from '@trpc/server';
import type { Request, Response } from 'express';
import type { AppServices } from '../compose';
import { inProcessAddress } from '../auth/auth-service';
import { crossSiteProblem } from '../auth/cross-site-guard';
import { recordingSessionCookie, responseSessionCookie } from '../auth/session-cookie';
import type { UserView } from '../users/user-view';
import type { Context } from './context';

/**
 * Builds an HTTP request's context: refuses possible cross-site requests (FORBIDDEN), then
 * finds the caller from its API key or session cookie (or nobody: user null).
 */
export async function createContext(services: AppServices, req: Request, res: Response): Promise<Context> {
  const problem = crossSiteProblem(req, services.auth.origins);
  if (problem !== undefined) {
    const cause = new FlowyardError('FORBIDDEN', problem);
    throw new TRPCError({ code: 'FORBIDDEN', message: cause.message, cause });
  }
  const caller = await services.auth.resolveCaller(req);
  return {
    services,
    user: caller?.user ?? null,
    sessionId: caller?.sessionId ?? null,
    sessionCookie: responseSessionCookie(res, services.auth.secureCookies),
    clientAddress: services.auth.clientAddress(req),
  };
}

/** An in-process context acting as `user` (tests, scripts); null calls as nobody. */
export function contextFor(services: AppServices, user: UserView | null): Context {
  return { services, user, sessionId: null, sessionCookie: recordingSessionCookie(), clientAddress: inProcessAddress };
}
