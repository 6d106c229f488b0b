import type { ResolvedAuth } from '../endpoint/auth';
import type { HttpResponse } from '../http/http-types';

/** Performs one exchange with these extra (authentication) headers; each call is reported as its own exchange. */
export type SendAttempt = (authHeaders: Record<string, string>) => Promise<HttpResponse>;

/**
 * One authentication type. A strategy decides which headers go on the request and
 * whether a response calls for another attempt (a challenge, an expired token…).
 */
export interface AuthStrategy<Auth extends ResolvedAuth> {
  type: Auth['type'];
  /** Values that must never appear in run records; scrubbed from every exchange. */
  secrets(auth: Auth): string[];
  send(auth: Auth, attempt: SendAttempt): Promise<HttpResponse>;
}
