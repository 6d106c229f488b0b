import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import { authSecrets, sendWithAuth } from '../auth/send-with-auth';
import { FlowyardError } from '../errors/flowyard-error';
import type { HttpExchange } from '../run/run-record';
import { decodeBody } from './decode-body';
import { getHeader, setHeader, validateRequestHeaders } from './headers';
import type { ExchangeListener, HttpClient, HttpRequestSpec, HttpResponse } from './http-types';
import { requestTarget, type RequestTarget } from './join-url';
import { mapHttpError } from './map-http-error';
import { redactHeaders, scrubSecrets } from './redact';
import { verifyingConnector } from './tls-check';
import { truncateUtf8 } from './truncate';

export type { ExchangeListener, HttpClient, HttpRequestSpec, HttpResponse } from './http-types';

export interface HttpClientOptions {
  /** Sent when a step sets no User-Agent of its own. */
  userAgent?: string;
  /** How long an idle keep-alive connection is kept (default 4 s; a server's Keep-Alive hint may shorten it). */
  keepAliveTimeoutMs?: number;
  /** Maximum concurrent connections per origin; null means unlimited (the default). */
  connectionsPerOrigin?: number | null;
  /** Clock for exchange timestamps and certificate validity checks. */
  now?: () => Date;
  /** PEM certificates of private CAs to trust in addition to Node's bundled roots (e.g. a company CA). */
  extraCaCertificates?: readonly string[];
}

/**
 * An HTTP client over undici with keep-alive connection pools per origin (one
 * agent for strict TLS, one for endpoints that trust self-signed certificates).
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const now = options.now ?? (() => new Date());
  const userAgent = options.userAgent ?? 'Flowyard';
  const agents = new Map<boolean, Agent>();

  const agentFor = (trustSelfSigned: boolean): Agent => {
    let agent = agents.get(trustSelfSigned);
    if (agent === undefined) {
      agent = new Agent({
        keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
        connections: options.connectionsPerOrigin ?? null,
        connect: verifyingConnector(trustSelfSigned, now, options.extraCaCertificates),
      });
      agents.set(trustSelfSigned, agent);
    }
    return agent;
  };

  async function exchange(
    spec: HttpRequestSpec,
    target: RequestTarget,
    headers: Record<string, string>,
    secrets: string[],
    onExchange: ExchangeListener,
  ): Promise<HttpResponse> {
    const startedAt = now();
    const started = performance.now();
    // One controller per exchange, aborted by the timer or the caller; cheaper than AbortSignal.any and leak-free.
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, spec.timeoutMs);
    const cancel = (): void => abort.abort();
    if (spec.signal?.aborted === true) abort.abort();
    spec.signal?.addEventListener('abort', cancel, { once: true });
    let head: { status: number; statusText: string; headers: Record<string, string> } | null = null;

    const report = (responseBody: string | null, error: FlowyardError | null): void => {
      onExchange(
        recordExchange({ spec, target, headers, secrets, startedAt, durationMs: performance.now() - started, head, responseBody, error }),
      );
    };

    try {
      const response = await agentFor(spec.endpoint.trustSelfSigned).request({
        origin: target.origin,
        path: target.path,
        method: spec.method,
        headers,
        body: spec.body,
        signal: abort.signal,
        headersTimeout: spec.timeoutMs,
        bodyTimeout: spec.timeoutMs,
      });
      head = { status: response.statusCode, statusText: response.statusText ?? '', headers: flattenHeaders(response.headers) };
      const bytes = Buffer.from(await response.body.arrayBuffer());
      const body = decodeBody(bytes, head.headers);
      report(body, null);
      return { ...head, body };
    } catch (cause) {
      let error: FlowyardError;
      if (timedOut) {
        error = new FlowyardError('HTTP_TIMEOUT', `No complete response from ${target.url} within ${spec.timeoutMs} ms`, {
          details: { url: target.url, timeoutMs: spec.timeoutMs },
          cause,
        });
      } else if (spec.signal?.aborted === true) {
        error = new FlowyardError('HTTP_CONNECT_FAILED', `Request to ${target.url} was cancelled because the run stopped`, {
          details: { url: target.url, cancelled: true },
          cause,
        });
      } else {
        error = mapHttpError(cause, target.url);
      }
      report(null, error);
      throw error;
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', cancel);
    }
  }

  return {
    async send(spec, onExchange) {
      const target = requestTarget(spec.endpoint.baseUrl, spec.path, { autoEncodeURI: spec.autoEncodeURI });
      const base: Record<string, string> = {};
      if (getHeader(spec.headers, 'user-agent') === undefined) base['user-agent'] = userAgent;
      for (const [name, value] of Object.entries(spec.headers)) setHeader(base, name, value);
      validateRequestHeaders(base);
      const secrets = authSecrets(spec.endpoint.auth);

      return sendWithAuth(spec.endpoint.auth, (authHeaders) => {
        const headers = { ...base };
        for (const [name, value] of Object.entries(authHeaders)) setHeader(headers, name, value);
        return exchange(spec, target, headers, secrets, onExchange);
      });
    },
    async close() {
      const closing = [...agents.values()].map((agent) => agent.close());
      agents.clear();
      await Promise.all(closing);
    },
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

interface ExchangeFacts {
  spec: HttpRequestSpec;
  target: RequestTarget;
  headers: Record<string, string>;
  secrets: string[];
  startedAt: Date;
  durationMs: number;
  head: { status: number; statusText: string; headers: Record<string, string> } | null;
  responseBody: string | null;
  error: FlowyardError | null;
}

// Secrets shorter than this are not scrubbed from bodies: replacing e.g. every "a" would garble the record.
const MIN_SCRUB_LENGTH = 6;

/** The exchange as recorded: credential headers redacted, secrets scrubbed, bodies cut at 64 KiB. */
function recordExchange(facts: ExchangeFacts): HttpExchange {
  const secrets = facts.secrets.filter((secret) => secret.length >= MIN_SCRUB_LENGTH);
  const scrub = (text: string): string => scrubSecrets(text, secrets);
  const scrubHeaders = (headers: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(redactHeaders(headers))) out[name] = scrub(value);
    return out;
  };
  const requestBody = facts.spec.body === null ? null : truncateUtf8(scrub(facts.spec.body));
  const responseBody = facts.responseBody === null ? null : truncateUtf8(scrub(facts.responseBody));
  return {
    method: facts.spec.method,
    url: scrub(facts.target.url),
    requestHeaders: scrubHeaders(facts.headers),
    requestBody: requestBody?.text ?? null,
    requestBodyTruncated: requestBody?.truncated ?? false,
    status: facts.head?.status ?? null,
    statusText: facts.head?.statusText ?? null,
    responseHeaders: facts.head === null ? {} : scrubHeaders(facts.head.headers),
    responseBody: responseBody?.text ?? null,
    responseBodyTruncated: responseBody?.truncated ?? false,
    startedAt: facts.startedAt.toISOString(),
    durationMs: Math.round(facts.durationMs * 10) / 10,
    error: facts.error === null ? null : { code: facts.error.code, message: scrub(facts.error.message) },
  };
}
