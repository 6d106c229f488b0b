import { FlowyardError } from '../errors/flowyard-error';
import type { HttpResponse } from '../http/http-types';
import type { AccessToken, TokenFetcher } from '../token/token-cache';
import type { AuthContext, SendAttempt } from './auth-strategy';

export interface TokenUse {
  /** The cache key (endpoint id + credentials fingerprint). */
  key: string;
  fetch: TokenFetcher;
  /** The headers that carry the token. */
  headers(token: AccessToken): Record<string, string>;
  /** Where the request goes with this token; undefined keeps the endpoint's base URL. */
  baseUrl?(token: AccessToken): string | undefined;
}

/**
 * Sends with the cached token (fetched when missing or about to expire). A `401` rejects that
 * token and the request is repeated exactly once with a new one; a second `401` is the answer.
 */
export async function sendWithToken(use: TokenUse, attempt: SendAttempt, ctx: AuthContext): Promise<HttpResponse> {
  const send = async (): Promise<{ token: AccessToken; response: HttpResponse }> => {
    const token = await currentToken(use, ctx);
    return { token, response: await attempt(use.headers(token), use.baseUrl?.(token)) };
  };
  const first = await send();
  if (first.response.status !== 401) return first.response;
  ctx.tokens.reject(use.key, first.token);
  return (await send()).response;
}

/** The cached or freshly fetched token, registered for scrubbing from the exchanges. */
export async function currentToken(use: Pick<TokenUse, 'key' | 'fetch'>, ctx: AuthContext): Promise<AccessToken> {
  const token = await untilCancelled(ctx.tokens.get(use.key, use.fetch), ctx);
  ctx.scrubber.add(token.value);
  if (token.refreshToken !== null) ctx.scrubber.add(token.refreshToken);
  return token;
}

// A token fetch may be shared by many callers (single flight), so a caller that is cancelled
// stops waiting for it instead of aborting it for everyone.
function untilCancelled<T>(pending: Promise<T>, ctx: AuthContext): Promise<T> {
  const { signal } = ctx;
  if (signal === undefined) return pending;
  const cancelled = () =>
    new FlowyardError('HTTP_CONNECT_FAILED', `Request to "${ctx.endpoint.name}" was cancelled because the run stopped`, { details: { cancelled: true } });
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
