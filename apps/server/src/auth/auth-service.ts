import { isFlowyardError, type signInSchema } from '@flowyard/engine';
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { ApiKeysService } from '../api-keys/api-keys-service';
import { readApiKey } from '../api-keys/read-api-key';
import type { ServiceDeps } from '../deps';
import type { UsersService } from '../users/users-service';
import type { UserView } from '../users/user-view';
import { clientAddress } from '../http/client-address';
import { tooManySignIns, userDisabled, wrongCredentials } from './auth-errors';
import { siteOrigins } from './cross-site-guard';
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
/** Who may call from where: see FLOWYARD_ALLOWED_ORIGINS and FLOWYARD_TRUST_PROXY in config.ts. */
export interface AccessSettings {
  /** Browser origins accepted besides the public URL's. */
  allowedOrigins: readonly string[];
  /** Proxies in front of Flowyard whose `X-Forwarded-For` entries are believed (0: none). */
  trustProxyHops: number;
}

/** The client address of calls made in-process (tests, scripts), which no HTTP request shares. */
export const inProcessAddress = 'in-process';

export function createAuthService(
  { store, now, providers }: ServiceDeps,
  parts: { users: UsersService; sessions: SessionsService; apiKeys: ApiKeysService; passwords: PasswordHasher; access: AccessSettings },
) {
  const { users, sessions, apiKeys, passwords, access } = parts;
  const limiter = createSignInLimiter(store, now);
  const origins = siteOrigins(providers.publicUrl, access.allowedOrigins);

  return {
    /** FLOWYARD_PUBLIC_URL: the address people and providers reach this server at. */
    publicUrl: providers.publicUrl,
    /** Cookies get `Secure` when the server is reached over https. */
    secureCookies: new URL(providers.publicUrl).protocol === 'https:',
    /** The origins browsers may call from (FLOWYARD_PUBLIC_URL's and FLOWYARD_ALLOWED_ORIGINS). */
    origins,
    /** The address a request comes from, as sign-in throttling counts it. */
    clientAddress: (req: IncomingMessage): string => clientAddress(req, access.trustProxyHops),

    /**
     * Checks the password and starts a session; the token is for the cookie only. Failures slow
     * down further tries from `address` (TOO_MANY_REQUESTS), never those from elsewhere.
     */
    async signIn(input: z.output<typeof signInSchema>, address: string = inProcessAddress): Promise<{ user: UserView; token: string }> {
      const retryAfter = await limiter.retryAfterSeconds(input.email, address);
      if (retryAfter > 0) throw tooManySignIns(retryAfter);
      const found = await users.findForSignIn(input.email);
      const ok = await passwords.verify(input.password, found?.passwordHash ?? null);
      if (!found || !ok) {
        await limiter.failed(input.email, address);
        throw wrongCredentials();
      }
      await limiter.succeeded(input.email, address);
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
