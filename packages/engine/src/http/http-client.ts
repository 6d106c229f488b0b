import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import type { AuthContext, TokenRequest } from '../auth/auth-strategy';
import { authSecrets, checkAuthentication, scriptAccessToken, sendWithAuth } from '../auth/send-with-auth';
import { redactedForm, redactedTokenAnswer } from '../auth/token-form';
import type { ConnectedTokens } from '../endpoint/auth';
import { createTokenCache, type TokenCache } from '../token/token-cache';
import { FlowyardError } from '../errors/flowyard-error';
import type { HttpExchange } from '../run/run-record';
import { onAbort } from './abort-relay';
import { isoTime } from '../run/iso-time';
import { BodyOverCapError, DEFAULT_MAX_RESPONSE_BYTES, readCappedBody, responseTooLarge } from './capped-body';
import { decodeBody, decodeText } from './decode-body';
import { getHeader, setHeader, validateRequestHeaders } from './headers';
import type { AuthRequestSpec, ExchangeListener, HttpClient, HttpResponse } from './http-types';
import { requestTarget, type RequestTarget } from './join-url';
import { mapHttpError } from './map-http-error';
import { redactHeaders } from './redact';
import { createScrubber, type Scrubber } from '../redaction/scrubber';
import { verifyingConnector } from './tls-check';
import { truncateUtf8 } from './truncate';

export type { AuthRequestSpec, ExchangeListener, HttpClient, HttpRequestSpec, HttpResponse } from './http-types';

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
  /** The process's token cache (the server keeps one); by default the client has its own. */
  tokens?: TokenCache;
  /** Receives Connect tokens after a refresh (Graph rotates its refresh token) so the store can keep them. */
  onConnectedTokens?: (endpointId: string, tokens: ConnectedTokens) => void;
  /** Response bodies over this many bytes fail with RESPONSE_TOO_LARGE, read no further (default 10 MiB). */
  maxResponseBytes?: number;
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

  const tokens = options.tokens ?? createTokenCache({ now });
  const saveConnectedTokens = options.onConnectedTokens ?? (() => {});
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  async function exchange(request: WireRequest, scrubber: Scrubber, onExchange: ExchangeListener): Promise<HttpResponse> {
    const { target } = request;
    const startedAt = now();
    const started = performance.now();
    // Aborted by the timer or the caller. undici takes an EventEmitter as the signal, which costs far
    // less to make and listen to than an AbortController per request.
    const abort = new ExchangeAbort();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, request.timeoutMs);
    const stopListening = request.signal === undefined ? undefined : onAbort(request.signal, () => abort.abort());
    let head: { status: number; statusText: string; headers: Record<string, string> } | null = null;

    const report = (responseBody: string | null, error: FlowyardError | null): void => {
      onExchange(recordExchange({ request, scrubber, startedAt, durationMs: performance.now() - started, head, responseBody, error }));
    };

    try {
      const response = await agentFor(request.trustSelfSigned).request({
        origin: target.origin,
        path: target.path,
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: abort,
        headersTimeout: request.timeoutMs,
        bodyTimeout: request.timeoutMs,
      });
      head = { status: response.statusCode, statusText: response.statusText ?? '', headers: flattenHeaders(response.headers) };
      const bytes = await readCappedBody(response.body, maxResponseBytes, head.headers['content-length']);
      const body = decodeBody(bytes, head.headers, maxResponseBytes);
      const status = head.status;
      report(request.redactResponseBody === undefined ? body : request.redactResponseBody(status, body), null);
      return { ...head, body };
    } catch (cause) {
      let error: FlowyardError;
      if (cause instanceof BodyOverCapError && head !== null) {
        error = responseTooLarge(target.url, maxResponseBytes);
        const start = decodeText(cause.head, head.headers);
        report(request.redactResponseBody === undefined ? start : request.redactResponseBody(head.status, start), error);
        throw error;
      }
      if (timedOut) {
        error = new FlowyardError('HTTP_TIMEOUT', `No complete response from ${target.url} within ${request.timeoutMs} ms`, {
          details: { url: target.url, timeoutMs: request.timeoutMs },
          cause,
        });
      } else if (request.signal?.aborted === true) {
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
      stopListening?.();
    }
  }

  /** A form POST to a token or login URL with the endpoint's TLS handling, recorded with its secrets redacted. */
  function postForm(spec: AuthRequestSpec, request: TokenRequest, scrubber: Scrubber, onExchange: ExchangeListener): Promise<HttpResponse> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) setHeader(headers, name, value);
    setHeader(headers, 'user-agent', userAgent);
    if (getHeader(headers, 'content-type') === undefined) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    validateRequestHeaders(headers);
    return exchange(
      {
        method: 'POST',
        target: urlTarget(request.url),
        headers,
        body: request.form.toString(),
        recordedRequestBody: redactedForm(request.form),
        redactResponseBody: (status, body) => redactedTokenAnswer(status, body, (token) => scrubber.add(token)),
        trustSelfSigned: spec.endpoint.trustSelfSigned,
        timeoutMs: spec.timeoutMs,
        // No caller signal: other callers may be waiting for this token (see currentToken).
      },
      scrubber,
      onExchange,
    );
  }

  function authContext(spec: AuthRequestSpec, scrubber: Scrubber, onExchange: ExchangeListener): AuthContext {
    return {
      endpoint: spec.endpoint,
      tokens,
      now,
      signal: spec.signal,
      post: (request) => postForm(spec, request, scrubber, onExchange),
      scrubber,
      saveConnectedTokens: (connected) => saveConnectedTokens(spec.endpoint.id, connected),
    };
  }

  const client: HttpClient = {
    async send(spec, onExchange) {
      // Joined before any token is fetched, so a bad path fails without touching the token endpoint.
      const endpointTarget = requestTarget(spec.endpoint.baseUrl, spec.path, { autoEncodeURI: spec.autoEncodeURI });
      const base: Record<string, string> = {};
      if (getHeader(spec.headers, 'user-agent') === undefined) base['user-agent'] = userAgent;
      for (const name in spec.headers) setHeader(base, name, spec.headers[name] ?? '');
      validateRequestHeaders(base);
      const scrubber = scrubberFor(spec);

      return sendWithAuth(
        spec.endpoint.auth,
        (authHeaders, baseUrl) => {
          const target = baseUrl === undefined ? endpointTarget : requestTarget(baseUrl, spec.path, { autoEncodeURI: spec.autoEncodeURI });
          const headers = { ...base };
          for (const name in authHeaders) setHeader(headers, name, authHeaders[name] ?? '');
          return exchange(
            { method: spec.method, target, headers, body: spec.body, trustSelfSigned: spec.endpoint.trustSelfSigned, timeoutMs: spec.timeoutMs, signal: spec.signal },
            scrubber,
            onExchange,
          );
        },
        authContext(spec, scrubber, onExchange),
      );
    },
    async accessToken(spec, onExchange) {
      const scrubber = scrubberFor(spec);
      const token = await scriptAccessToken(spec.endpoint.auth, authContext(spec, scrubber, onExchange));
      // The script holds it from now on: wherever it puts it, the caller's records must not.
      scrubber.add(token);
      return token;
    },
    checkAuthentication(spec, onExchange) {
      const scrubber = scrubberFor(spec);
      const ctx = authContext(spec, scrubber, onExchange);
      return checkAuthentication(spec.endpoint.auth, ctx, (path) =>
        client.send(
          { endpoint: spec.endpoint, method: 'GET', path, headers: { accept: 'application/json' }, body: null, autoEncodeURI: true, timeoutMs: spec.timeoutMs, signal: spec.signal, scrubber },
          onExchange,
        ),
      );
    },
    async close() {
      const closing = [...agents.values()].map((agent) => agent.close());
      agents.clear();
      await Promise.all(closing);
    },
  };
  return client;
}

// The abort signal undici documents besides AbortSignal: an EventEmitter emitting 'abort'; it reads
// `aborted` first, so a request cancelled before it starts fails at once, as with an AbortSignal.
class ExchangeAbort extends EventEmitter {
  aborted = false;

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.emit('abort');
  }
}

/** One request on the wire: a step's request after auth, or a token request. */
interface WireRequest {
  method: string;
  target: RequestTarget;
  headers: Record<string, string>;
  body: string | null;
  trustSelfSigned: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Token requests: the body as recorded, credential fields redacted. */
  recordedRequestBody?: string;
  /** Token requests: the response body as recorded, tokens redacted. */
  redactResponseBody?: (status: number, body: string) => string;
}

/** The caller's scrubber (or one for this call alone), holding the endpoint's secrets. */
function scrubberFor(spec: AuthRequestSpec): Scrubber {
  const scrubber = spec.scrubber ?? createScrubber();
  scrubber.add(...authSecrets(spec.endpoint.auth));
  return scrubber;
}

function urlTarget(url: string): RequestTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FlowyardError('VALIDATION_FAILED', `Token URL "${url}" is not an absolute URL`, { details: { url } });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FlowyardError('VALIDATION_FAILED', `Token URL "${url}" must start with http:// or https://`, { details: { url } });
  }
  const path = `${parsed.pathname}${parsed.search}`;
  return { origin: parsed.origin, path, url: `${parsed.origin}${path}` };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

interface ExchangeFacts {
  request: WireRequest;
  scrubber: Scrubber;
  startedAt: Date;
  durationMs: number;
  head: { status: number; statusText: string; headers: Record<string, string> } | null;
  responseBody: string | null;
  error: FlowyardError | null;
}

/** The exchange as recorded: credential headers redacted, secrets scrubbed, bodies cut at 64 KiB. */
function recordExchange(facts: ExchangeFacts): HttpExchange {
  const { scrubber } = facts;
  // Most endpoints have no secret: then scrubbing is the identity, and skipped.
  const scrub = scrubber.empty ? (text: string): string => text : scrubber.text;
  const scrubHeaders = (headers: Record<string, string>): Record<string, string> => {
    const redacted = redactHeaders(headers);
    if (scrubber.empty) return redacted;
    const scrubbed: Record<string, string> = {};
    for (const name in redacted) scrubbed[scrub(name)] = scrub(redacted[name] ?? '');
    return scrubbed;
  };
  const sentBody = facts.request.recordedRequestBody ?? facts.request.body;
  const requestBody = sentBody === null ? null : truncateUtf8(scrub(sentBody));
  const responseBody = facts.responseBody === null ? null : truncateUtf8(scrub(facts.responseBody));
  return {
    method: facts.request.method,
    url: scrub(facts.request.target.url),
    requestHeaders: scrubHeaders(facts.request.headers),
    requestBody: requestBody?.text ?? null,
    requestBodyTruncated: requestBody?.truncated ?? false,
    status: facts.head?.status ?? null,
    statusText: facts.head?.statusText ?? null,
    responseHeaders: facts.head === null ? {} : scrubHeaders(facts.head.headers),
    responseBody: responseBody?.text ?? null,
    responseBodyTruncated: responseBody?.truncated ?? false,
    startedAt: isoTime(facts.startedAt),
    durationMs: Math.round(facts.durationMs * 10) / 10,
    error: facts.error === null ? null : { code: facts.error.code, message: scrub(facts.error.message) },
  };
}
