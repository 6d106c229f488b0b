import type { ConnectedTokens, ResolvedAuth } from '../endpoint/auth';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import type { HttpResponse } from '../http/http-types';
import type { Secret } from '../redaction/secret';
import type { Scrubber } from '../redaction/scrubber';
import type { TokenCache } from '../token/token-cache';

/**
 * Performs one exchange with these extra (authentication) headers; each call is reported as its
 * own exchange. `baseUrl` replaces the endpoint's base URL (Salesforce's `instance_url`).
 */
export type SendAttempt = (authHeaders: Record<string, string>, baseUrl?: string) => Promise<HttpResponse>;

/** A form POST to a token or login URL, as a strategy asks for it. */
export interface TokenRequest {
  url: string;
  headers: Record<string, string>;
  form: URLSearchParams;
}

/**
 * What strategies that use tokens get from the HTTP client: the process's token cache and a way
 * to reach token endpoints with the same client, TLS handling and exchange records as the request.
 */
export interface AuthContext {
  endpoint: ResolvedEndpoint;
  tokens: TokenCache;
  /**
   * Sends a token request (recorded with its secret form fields and any tokens in the answer
   * redacted). Network and TLS failures reject with their FlowyardError; any status resolves.
   */
  post(request: TokenRequest): Promise<HttpResponse>;
  /**
   * The caller's scrubber, holding the endpoint's secrets: tokens are added as they are obtained,
   * and error details are scrubbed with it.
   */
  scrubber: Scrubber;
  /** Hands refreshed Connect tokens (Graph rotates its refresh token) to the store that keeps them. */
  saveConnectedTokens(tokens: ConnectedTokens): void;
  now(): Date;
  /** The caller's cancellation: it stops the caller waiting, never a token request others share. */
  signal: AbortSignal | undefined;
}

/**
 * One authentication type. A strategy decides which headers go on the request and
 * whether a response calls for another attempt (a challenge, an expired token…).
 */
export interface AuthStrategy<Auth extends ResolvedAuth> {
  type: Auth['type'];
  /** What must never appear in anything stored or shown, in any encoding (SPEC §7a). */
  secrets(auth: Auth): Secret[];
  send(auth: Auth, attempt: SendAttempt, ctx: AuthContext): Promise<HttpResponse>;
}
