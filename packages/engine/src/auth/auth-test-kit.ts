// Shared set-up for the auth tests: the e2e mock providers, a controllable clock, and helpers.
import { startMockProviders, type MockProviders } from '../../../../e2e/mocks/providers/start-mock-providers';
import type { ConnectedTokens, ResolvedAuth } from '../endpoint/auth';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { FlowyardError } from '../errors/flowyard-error';
import { createHttpClient } from '../http/http-client';
import type { HttpClient, HttpRequestSpec } from '../http/http-types';
import type { HttpExchange } from '../run/run-record';
import { createTokenCache, type TokenCache } from '../token/token-cache';

export { approveConsent as approveInMock } from '../../../../e2e/mocks/providers/approve-consent';
export { mockCredentials } from '../../../../e2e/mocks/providers/start-mock-providers';

/** A clock tests move by hand; the mocks, the token cache and the client all read it. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function testClock(start = Date.now()): TestClock {
  let at = start;
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

export interface AuthKit {
  providers: MockProviders;
  clock: TestClock;
  tokens: TokenCache;
  http: HttpClient;
  /** Connect tokens the client handed back after refreshes, by endpoint id. */
  saved: Array<{ endpointId: string; tokens: ConnectedTokens }>;
  close(): Promise<void>;
}

/** Starts the mock providers and a client sharing one clock and token cache. */
export async function startAuthKit(): Promise<AuthKit> {
  const clock = testClock();
  const providers = await startMockProviders({ now: () => clock.now().getTime() });
  const tokens = createTokenCache({ now: clock.now });
  const saved: AuthKit['saved'] = [];
  const http = createHttpClient({ tokens, now: clock.now, onConnectedTokens: (endpointId, connected) => void saved.push({ endpointId, tokens: connected }) });
  return {
    providers,
    clock,
    tokens,
    http,
    saved,
    async close() {
      await http.close();
      await providers.close();
    },
  };
}

let endpointCount = 0;

/** An endpoint with a fresh id (so token cache entries never leak between tests). */
export function endpointWith(baseUrl: string, auth: ResolvedAuth, name = 'Target'): ResolvedEndpoint {
  endpointCount += 1;
  return { id: `ep-${endpointCount}`, name, baseUrl, trustSelfSigned: false, auth };
}

export function get(endpoint: ResolvedEndpoint, path: string, overrides: Partial<HttpRequestSpec> = {}): HttpRequestSpec {
  return { endpoint, method: 'GET', path, headers: {}, body: null, autoEncodeURI: true, timeoutMs: 5_000, ...overrides };
}

/** Collects exchanges; `text()` is everything recorded, for "no secret in the record" checks. */
export function exchangeLog(): { exchanges: HttpExchange[]; listen: (x: HttpExchange) => void; text(): string } {
  const exchanges: HttpExchange[] = [];
  return { exchanges, listen: (x) => void exchanges.push(x), text: () => JSON.stringify(exchanges) };
}

export async function failure(promise: Promise<unknown>): Promise<FlowyardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FlowyardError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

