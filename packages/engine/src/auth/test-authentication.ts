import type { ResolvedEndpoint } from '../endpoint/endpoint';
import type { TestAuthenticationResult } from '../endpoint/endpoint-checks';
import { FlowyardError, isFlowyardError } from '../errors/flowyard-error';
import type { HttpClient } from '../http/http-types';
import { scrubExchange } from '../redaction/scrub-records';
import { createScrubber } from '../redaction/scrubber';
import type { HttpExchange } from '../run/run-record';

/**
 * Test Authentication (SPEC §3) for OAuth2, Salesforce, Remedy and ServiceNow: the real token
 * or sign-in request, through the same client and TLS handling as steps. Never throws for the
 * target's refusal: that is `{ ok: false, status, body }` (redacted) for the dialog to show.
 * Every secret and token the test used is scrubbed from the result.
 */
export async function testAuthentication(endpoint: ResolvedEndpoint, deps: { http: HttpClient; timeoutMs?: number; signal?: AbortSignal }): Promise<TestAuthenticationResult> {
  const exchanges: HttpExchange[] = [];
  // The client adds the endpoint's secrets and the tokens it obtains.
  const scrubber = createScrubber();
  const shownExchanges = () => exchanges.map((x) => scrubExchange(scrubber, x));
  try {
    const check = await deps.http.checkAuthentication({ endpoint, timeoutMs: deps.timeoutMs ?? 30_000, signal: deps.signal, scrubber }, (x) => exchanges.push(x));
    return { ok: true, message: scrubber.text(check.message), details: scrubber.jsonRecord(check.details), exchanges: shownExchanges() };
  } catch (error) {
    if (isFlowyardError(error) && error.code === 'VALIDATION_FAILED' && exchanges.length === 0) throw error;
    const failure = isFlowyardError(error) ? error : new FlowyardError('AUTH_FAILED', 'Test Authentication failed unexpectedly', { cause: error });
    const status = typeof failure.details.status === 'number' ? failure.details.status : null;
    const body = typeof failure.details.body === 'string' ? failure.details.body : null;
    return { ok: false, code: failure.code, message: scrubber.text(failure.message), status, body: body === null ? null : scrubber.text(body), exchanges: shownExchanges() };
  }
}
