import type { EndpointResolver } from '../endpoint/endpoint';
import type { ErrorCode } from '../errors/error-code';
import { isFlowyardError } from '../errors/flowyard-error';
import type { HttpClient } from '../http/http-types';
import { scrubExchange } from '../redaction/scrub-records';
import { createScrubber, type Scrubber } from '../redaction/scrubber';
import type { Secret } from '../redaction/secret';
import { createConsoleCap } from '../run/console-cap';
import { createExchangeCap } from '../run/exchange-cap';
import type { HttpExchange, Json, LogLine } from '../run/run-record';
import { endpointsLearnedBy, httpScrubbedBy } from '../runner/run-secrets';
import { scriptAuthenticate } from '../auth/script-authenticate';
import { scriptRequest } from '../steps/custom-step/script-request';
import type { IntegrationResponse, IntegrationScriptData } from '../script/integration-globals';
import { ScriptRunError } from '../script/script-run-error';
import type { ScriptRunner } from '../steps/define-step';

export interface RunIntegrationScriptOptions {
  source: string;
  timeoutMs: number;
  data: IntegrationScriptData;
  /** The integration's workflow's endpoints (by name, as scripts reach them). */
  endpoints: EndpointResolver;
  http: HttpClient;
  scripts: ScriptRunner;
  constants: () => Promise<Record<string, string>>;
  libraries: () => Promise<Record<string, string>>;
  /** Backs flows.start: admits the run, resolves with its id. */
  startFlow: (flowName: string, payload: Json, signal: AbortSignal) => Promise<string>;
  /** What the caller sent that nothing recorded may hold (an API key, a URL token). */
  secrets?: readonly Secret[];
  /** Scripts of one integration share the pool fairly with the others. */
  fairnessKey: string;
  signal?: AbortSignal;
  now: () => Date;
}

/** How an integration script ended: its answer or its error, what it said and called (scrubbed). */
export interface IntegrationScriptResult {
  response: IntegrationResponse | null;
  error: { code: ErrorCode; message: string } | null;
  logs: LogLine[];
  exchanges: HttpExchange[];
  durationMs: number;
}

/**
 * Runs an integration's script once (SPEC §10) in the custom-step sandbox, with its endpoints,
 * constants and libraries: never rejects; a failure is the result's `error`. Every secret it
 * touched (endpoints', tokens, the caller's credentials) is scrubbed from what it returns.
 */
export async function runIntegrationScript(options: RunIntegrationScriptOptions): Promise<IntegrationScriptResult> {
  const started = performance.now();
  const scrubber = createScrubber(options.secrets ?? []);
  const endpoints = endpointsLearnedBy(options.endpoints, scrubber);
  const http = httpScrubbedBy(options.http, scrubber);
  const exchanges: HttpExchange[] = [];
  const exchangeCap = createExchangeCap();
  const consoleCap = createConsoleCap();
  const env = { endpoints, http, exchange: (exchange: HttpExchange) => exchangeCap.add(exchanges, exchange) };
  let response: IntegrationResponse | null = null;
  let error: IntegrationScriptResult['error'] = null;
  let logs: LogLine[] = [];
  try {
    const [constants, libraries] = await Promise.all([options.constants(), options.libraries()]);
    const result = await options.scripts.run({
      source: options.source,
      input: {},
      constants,
      libraries,
      request: scriptRequest(env, options.timeoutMs),
      authenticate: scriptAuthenticate(env, options.timeoutMs),
      timeoutMs: options.timeoutMs,
      integration: options.data,
      startFlow: options.startFlow,
      fairnessKey: options.fairnessKey,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    logs = result.logs;
    response = result.response ?? null;
  } catch (thrown) {
    if (thrown instanceof ScriptRunError) logs = thrown.logs;
    error = isFlowyardError(thrown) ? { code: thrown.code, message: thrown.message } : { code: 'SCRIPT_ERROR', message: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  const at = options.now().toISOString();
  const kept: LogLine[] = [];
  for (const line of logs) {
    const capped = consoleCap.add(line);
    if (capped !== null) kept.push(capped);
  }
  for (const last of [consoleCap.end(at), exchangeCap.end(at)]) if (last !== null) kept.push(last);
  return {
    response: response === null ? null : scrubResponse(scrubber, response),
    error: error === null ? null : { code: error.code, message: scrubber.text(error.message) },
    logs: kept.map((line) => ({ ...line, message: scrubber.text(line.message) })),
    exchanges: exchanges.map((exchange) => scrubExchange(scrubber, exchange)),
    durationMs: performance.now() - started,
  };
}

// A script may echo a token it obtained (http.authenticate) into its answer: the caller gets none.
function scrubResponse(scrubber: Scrubber, response: IntegrationResponse): IntegrationResponse {
  if (scrubber.empty) return response;
  return {
    status: response.status,
    headers: Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, scrubber.text(value)])),
    body: response.body === null ? null : scrubber.text(response.body),
  };
}
