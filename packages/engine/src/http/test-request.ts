import type { ResolvedEndpoint } from '../endpoint/endpoint';
import type { TestRequest, TestRequestResult } from '../endpoint/endpoint-checks';
import { FlowyardError, isFlowyardError } from '../errors/flowyard-error';
import { z } from 'zod';
import { jsonSchema, type HttpExchange } from '../run/run-record';
import { getHeader, setHeader } from './headers';
import type { HttpClient } from './http-types';
import { scrubExchange } from '../redaction/scrub-records';
import { createScrubber } from '../redaction/scrubber';
import { truncateUtf8 } from './truncate';

/**
 * The endpoint dialog's Test request: exactly what an HTTP Request step would send (same client,
 * authentication, token cache and TLS handling), returning every exchange (redacted) and the
 * final response, or the failure with its SPEC §7 code. Every secret and token the test used is
 * scrubbed from all of it.
 */
export async function sendTestRequest(
  endpoint: ResolvedEndpoint,
  request: TestRequest,
  deps: { http: HttpClient; timeoutMs?: number; signal?: AbortSignal },
): Promise<TestRequestResult> {
  const exchanges: HttpExchange[] = [];
  // The client adds the endpoint's secrets and the tokens it obtains.
  const scrubber = createScrubber();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (name.trim() !== '') setHeader(headers, name.trim(), value);
  const body = request.body === '' ? null : request.body;
  if (body !== null && getHeader(headers, 'content-type') === undefined) setHeader(headers, 'Content-Type', looksLikeJson(body) ? 'application/json' : 'text/plain; charset=utf-8');
  try {
    const response = await deps.http.send(
      { endpoint, method: request.method, path: request.path, headers, body, autoEncodeURI: true, timeoutMs: deps.timeoutMs ?? 30_000, signal: deps.signal, scrubber },
      (x) => exchanges.push(x),
    );
    // The last exchange is the response as recorded (secrets scrubbed); the raw one is not shown.
    const recorded = exchanges.at(-1);
    const shownBody = recorded?.responseBody ?? truncateUtf8(scrubber.text(response.body)).text;
    return {
      exchanges: exchanges.map((x) => scrubExchange(scrubber, x)),
      response: {
        status: response.status,
        statusText: response.statusText,
        headers: recorded === undefined ? {} : scrubExchange(scrubber, recorded).responseHeaders,
        body: scrubber.text(shownBody),
        bodyTruncated: recorded?.responseBodyTruncated ?? false,
      },
      error: null,
    };
  } catch (error) {
    const failure = isFlowyardError(error) ? error : new FlowyardError('HTTP_CONNECT_FAILED', 'The test request failed unexpectedly', { cause: error });
    const details = detailsSchema.safeParse(JSON.parse(JSON.stringify(failure.details)));
    return {
      exchanges: exchanges.map((x) => scrubExchange(scrubber, x)),
      response: null,
      error: { code: failure.code, message: scrubber.text(failure.message), details: details.success ? scrubber.jsonRecord(details.data) : {} },
    };
  }
}

const detailsSchema = z.record(z.string(), jsonSchema);

function looksLikeJson(body: string): boolean {
  const first = body.trimStart().charAt(0);
  if (first !== '{' && first !== '[') return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}
