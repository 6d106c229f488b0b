import * as oauth from 'oauth4webapi';
import { isFlowyardError } from '../errors/flowyard-error';
import type { HttpResponse } from '../http/http-types';
import type { AccessToken } from '../token/token-cache';
import type { AuthContext } from './auth-strategy';
import { authFailed } from './auth-failed';

/** Options for oauth4webapi token calls: requests go through the auth context, plain http allowed (local providers). */
export type OAuthCallOptions = Pick<oauth.TokenEndpointRequestOptions, typeof oauth.customFetch | typeof oauth.allowInsecureRequests>;

// Statuses whose responses cannot have a body in the Fetch API.
const nullBodyStatuses = new Set([204, 205, 304]);

/**
 * Runs one oauth4webapi token request and its response processing over `ctx` (the engine's
 * client, TLS handling and exchange records). Network and TLS failures keep their own codes;
 * anything the token endpoint refused or answered unusably becomes AUTH_FAILED with its status and body.
 */
export async function oauthTokenRequest(
  ctx: AuthContext,
  what: string,
  call: (options: OAuthCallOptions) => Promise<oauth.TokenEndpointResponse>,
): Promise<oauth.TokenEndpointResponse> {
  const seen: { last: { url: string; response: HttpResponse } | null } = { last: null };
  const options: OAuthCallOptions = {
    [oauth.allowInsecureRequests]: true,
    [oauth.customFetch]: async (url: string, init: { headers: Record<string, string>; body: unknown }) => {
      const form = init.body instanceof URLSearchParams ? init.body : new URLSearchParams(typeof init.body === 'string' ? init.body : '');
      const response = await ctx.post({ url, headers: init.headers, form });
      seen.last = { url, response };
      return new Response(nullBodyStatuses.has(response.status) ? null : response.body, { status: response.status, headers: response.headers });
    },
  };
  try {
    return await call(options);
  } catch (error) {
    if (isFlowyardError(error)) throw error;
    const response = seen.last?.response ?? null;
    throw authFailed(`${what} failed: ${oauthProblem(error, response)}`, response, ctx.scrubber, seen.last?.url ?? '');
  }
}

function oauthProblem(error: unknown, response: HttpResponse | null): string {
  if (error instanceof oauth.ResponseBodyError) {
    return `${error.status} ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`;
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) return `${error.status} ${error.cause.map((c) => c.scheme).join(', ')} challenge`;
  if (response !== null && (response.status < 200 || response.status > 299)) return `the token URL answered ${response.status} ${response.statusText}`.trim();
  return error instanceof Error ? error.message : String(error);
}

/** The cacheable token of a successful token response. */
export function accessTokenOf(result: oauth.TokenEndpointResponse, now: Date, extra: { instanceUrl?: string | null } = {}): AccessToken {
  return {
    value: result.access_token,
    expiresAt: result.expires_in === undefined ? null : now.getTime() + result.expires_in * 1000,
    instanceUrl: extra.instanceUrl ?? null,
    refreshToken: result.refresh_token ?? null,
  };
}
