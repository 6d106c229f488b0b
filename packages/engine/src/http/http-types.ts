import type { AuthCheck } from '../auth/send-with-auth';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import type { Scrubber } from '../redaction/scrubber';
import type { HttpExchange } from '../run/run-record';

/** One request as a step asks for it; the client joins the URL and adds the endpoint's authentication. */
export interface HttpRequestSpec {
  endpoint: ResolvedEndpoint;
  /** An upper-case method token: the HTTP Request step's choice, or whatever a script asked for. */
  method: string;
  /** Relative to the endpoint's base URL; may carry a query string. */
  path: string;
  headers: Record<string, string>;
  body: string | null;
  autoEncodeURI: boolean;
  /** Covers connecting, waiting for headers and reading the body of each exchange. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** The caller's scrubber (a run's, a test's); see `AuthRequestSpec.scrubber`. */
  scrubber?: Scrubber;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/** An authentication-only operation on an endpoint (a token for a script, Test Authentication). */
export interface AuthRequestSpec {
  endpoint: ResolvedEndpoint;
  /** Per exchange, as for requests. */
  timeoutMs: number;
  signal?: AbortSignal;
  /**
   * The scrubber of what the caller records (a run's, a test's): the client adds the endpoint's
   * secrets and every token it obtains to it, and scrubs the exchanges it reports with it.
   * Without one, the client scrubs with a scrubber of its own for the call.
   */
  scrubber?: Scrubber;
}

/** Receives every exchange (including failed ones and auth retries), already redacted and scrubbed. */
export type ExchangeListener = (exchange: HttpExchange) => void;

/**
 * Sends requests to endpoints. Network failures reject with a FlowyardError
 * (HTTP_CONNECT_FAILED, HTTP_TIMEOUT, TLS_*, VALIDATION_FAILED); any HTTP status resolves.
 */
export interface HttpClient {
  send(request: HttpRequestSpec, onExchange: ExchangeListener): Promise<HttpResponse>;
  /**
   * The current access token of a Slack or Microsoft Graph endpoint for a script's
   * `http.authenticate` (Graph's is refreshed as needed); VALIDATION_FAILED for other types.
   */
  accessToken(request: AuthRequestSpec, onExchange: ExchangeListener): Promise<string>;
  /** Test Authentication: the real token/login request (or an authenticated read for ServiceNow), bypassing the cache. */
  checkAuthentication(request: AuthRequestSpec, onExchange: ExchangeListener): Promise<AuthCheck>;
  close(): Promise<void>;
}
