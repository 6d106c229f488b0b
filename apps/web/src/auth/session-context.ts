import { can, type Permission, type UserView } from '@flowyard/engine/schemas';
import { createContext, useContext } from 'react';

/** The signed-in user as `auth.session` returns it. */
export type SessionUser = UserView;

/** Holds the signed-in user for everything under RequireSession. */
export const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in user; only for components rendered under RequireSession. */
export function useCurrentUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useCurrentUser outside RequireSession');
  return user;
}

/**
 * Whether the signed-in user's role has `permission`, to hide what the server would refuse anyway
 * (the server is the authority). False outside a session.
 */
export function useCan(permission: Permission): boolean {
  const user = useContext(SessionContext);
  return user !== null && can(user.role, permission);
}
