import type { IncomingMessage } from 'node:http';
import { localAdmin, type UsersService } from './users-service';
import type { UserView } from './user-view';

/** Finds who makes a request; undefined means nobody (the API then refuses it). */
export type ResolveUser = (req: IncomingMessage | undefined) => Promise<UserView | undefined>;

/**
 * Until sign-in exists every request acts as the local admin, looked up per request
 * so that nothing downstream depends on there being a single user.
 */
export function createResolveUser(users: UsersService): ResolveUser {
  return async () => users.findByEmail(localAdmin.email);
}
