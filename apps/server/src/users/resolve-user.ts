import type { IncomingMessage } from 'node:http';
import type { AuthService } from '../auth/auth-service';
import type { UserView } from './user-view';

/** Finds who makes a request (API key or session cookie); undefined means nobody. */
export type ResolveUser = (req: IncomingMessage) => Promise<UserView | undefined>;

export function createResolveUser(auth: AuthService): ResolveUser {
  return async (req) => (await auth.resolveCaller(req))?.user;
}
