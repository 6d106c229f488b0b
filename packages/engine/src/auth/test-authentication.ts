import type { ResolvedEndpoint } from '../endpoint/endpoint';
import type { TestAuthenticationResult } from '../endpoint/endpoint-checks';
import { FlowyardError, isFlowyardError } from '../errors/flowyard-error';
import type { HttpClient } from '../http/http-types';
import type { HttpExchange } from '../run/run-record';

/**
 * Test Authentication (SPEC §3) for OAuth2, Salesforce, Remedy and ServiceNow: the real token
 * or sign-in request, through the same client and TLS handling as steps. Never throws for the
 * target's refusal: that is `{ ok: false, status, body }` (redacted) for the dialog to show.
 */
export async function testAuthentication(endpoint: ResolvedEndpoint, deps: { http: HttpClient; timeoutMs?: number; signal?: AbortSignal }): Promise<TestAuthenticationResult> {
  const exchanges: HttpExchange[] = [];
  try {
    const check = await deps.http.checkAuthentication({ endpoint, timeoutMs: deps.timeoutMs ?? 30_000, signal: deps.signal }, (x) => exchanges.push(x));
    return { ok: true, message: check.message, details: check.details, exchanges };
  } catch (error) {
    if (isFlowyardError(error) && error.code === 'VALIDATION_FAILED' && exchanges.length === 0) throw error;
    const failure = isFlowyardError(error) ? error : new FlowyardError('AUTH_FAILED', 'Test Authentication failed unexpectedly', { cause: error });
    const status = typeof failure.details.status === 'number' ? failure.details.status : null;
    const body = typeof failure.details.body === 'string' ? failure.details.body : null;
    return { ok: false, code: failure.code, message: failure.message, status, body, exchanges };
  }
}
