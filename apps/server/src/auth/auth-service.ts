import { isFlowyardError, type signInSchema } from '@flowyard/engine';
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { ApiKeysService } from '../api-keys/api-keys-service';
import { readApiKey } from '../api-keys/read-api-key';
import type { ServiceDeps } from '../deps';
import type { UsersService } from '../users/users-service';
import type { UserView } from '../users/user-view';
import { tooManySignIns, userDisabled, wrongCredentials } from './auth-errors';
import type { PasswordHasher } from './passwords';
import { readSessionToken } from './session-cookie';
import type { SessionsService } from './sessions-service';
import { createSignInLimiter } from './sign-in-limiter';

/** Who makes a request: the user, and the session it came with (null for an API key). */
export interface Caller {
  user: UserView;
  sessionId: string | null;
}

/** Sign-in, sign-out and finding the caller of a request (API key first, else the session cookie). */
export function createAuthService(
  { now, providers }: ServiceDeps,
  parts: { users: UsersService; sessions: SessionsService; apiKeys: ApiKeysService; passwords: PasswordHasher },
) {
  const { users, sessions, apiKeys, passwords } = parts;
  const limiter = createSignInLimiter(now);
  const publicUrl = new URL(providers.publicUrl);

  return {
    /** Cookies get `Secure` when the server is reached over https. */
    secureCookies: publicUrl.protocol === 'https:',
    /** The origin browsers show for this server (FLOWYARD_PUBLIC_URL). */
    publicOrigin: publicUrl.origin,

    /** Checks the password and starts a session; the token is for the cookie only. */
    async signIn(input: z.output<typeof signInSchema>): Promise<{ user: UserView; token: string }> {
      const retryAfter = limiter.retryAfterSeconds(input.email);
      if (retryAfter > 0) throw tooManySignIns(retryAfter);
      const found = await users.findForSignIn(input.email);
      const ok = await passwords.verify(input.password, found?.passwordHash ?? null);
      if (!found || !ok) {
        limiter.failed(input.email);
        throw wrongCredentials();
      }
      limiter.succeeded(input.email);
      if (found.user.disabled) throw userDisabled();
      const { token } = await sessions.start(found.user.id);
      return { user: found.user, token };
    },

    async signOut(sessionId: string | null): Promise<void> {
      if (sessionId !== null) await sessions.end(sessionId);
    },

    /**
     * The caller of a request. A request with an Authorization header is judged by its API
     * key alone (never the cookie too), which is what lets API clients skip the CSRF header.
     */
    async resolveCaller(req: IncomingMessage): Promise<Caller | undefined> {
      const key = readApiKey(req.headers);
      if (key !== undefined) {
        const user = await apiKeys.authenticate(key);
        return isFlowyardError(user) ? undefined : { user, sessionId: null };
      }
      const token = readSessionToken(req.headers.cookie);
      if (token === undefined) return undefined;
      const session = await sessions.resolve(token);
      return session && { user: session.user, sessionId: session.sessionId };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
