import { z } from 'zod';
import type { Json, LogLine } from '../run/run-record';
import type { IntegrationResponse, IntegrationScriptData } from './integration-globals';

/** What a script's `http.request(options).write(body)` asks the host to send. */
export const scriptHttpRequestSchema = z.object({
  /** Endpoint name as the script wrote it, or the name its label maps to (`endpointLabels`). */
  endpoint: z.string().min(1),
  /** Upper-case method token (`post` and `Get` arrive as `POST`, `GET`). */
  method: z.string().regex(/^[!#$%&'*+.^_|~0-9A-Z-]+$/),
  /** As the script wrote it, with or without a leading `/`; may carry a query string. */
  path: z.string(),
  headers: z.record(z.string(), z.string()),
  /** Objects and arrays arrive JSON-encoded (with `Content-Type: application/json` added when missing). */
  body: z.string().nullable(),
  autoEncodeURI: z.boolean(),
});
export type ScriptHttpRequest = z.infer<typeof scriptHttpRequestSchema>;

/** What the host hands back for one request; any HTTP status is a response, not an error. */
export interface ScriptHttpResponse {
  statusCode: number;
  /** The reason phrase; when omitted the standard one for the status is used. */
  statusMessage?: string;
  /** Any case; the script reads them case-insensitively. */
  headers: Record<string, string>;
  /** `''` when the response has no body (e.g. 204). */
  body: string;
}

/** Everything one script run needs; all I/O is injected. */
export interface RunScriptOptions {
  /** The script, run as a function body (a top-level `return` ends it). */
  source: string;
  /** `input['Label']`; empty strings and `undefined` become `undefined` in the script. */
  input: Record<string, string | undefined>;
  constants: Record<string, string>;
  /** The workflow's shared libraries by name, CommonJS source, loaded with `require('<name>')`. */
  libraries: Record<string, string>;
  /** The step's endpoint labels → endpoint names; a label wins over an endpoint of the same name. */
  endpointLabels?: Record<string, string>;
  /**
   * Sends one request for the script. Reject with a FlowyardError (e.g. ENDPOINT_NOT_FOUND,
   * HTTP_CONNECT_FAILED) for failures: the script sees an Error carrying that `.code`. `signal`
   * aborts when the script runs out of time or the run is cancelled.
   */
  request: (request: ScriptHttpRequest, signal: AbortSignal) => Promise<ScriptHttpResponse>;
  /** Backs `http.authenticate(name)`; without it the call fails with a clear message. */
  authenticate?: (endpointName: string, signal: AbortSignal) => Promise<string>;
  /** Wall-clock limit for the whole script, HTTP waits included (default 10 000, at most 60 000). */
  timeoutMs?: number;
  /** QuickJS heap limit (default 64 MiB). */
  memoryLimitBytes?: number;
  /** Called for each console line as it happens (the lines are also in the result). */
  onLog?: (line: LogLine) => void;
  /** Cancels the run (it then rejects with SCRIPT_ERROR, `details.cancelled`). */
  signal?: AbortSignal;
  /**
   * Whose run this is for sharing the pool fairly (a flow's id): runs with one key hold at most
   * the pool's `maxPerKey` workers at once. A run without one is not capped.
   */
  fairnessKey?: string;
  /** An integration script's `request` and `callback` (SPEC §10); its result then carries `response`. */
  integration?: IntegrationScriptData;
  /** Backs an integration script's `flows.start(name, payload)`: admits the run and resolves with its id. */
  startFlow?: (flowName: string, payload: Json, signal: AbortSignal) => Promise<string>;
}

/** A finished script: its outputs as text and its console lines in order. */
export interface ScriptRunResult {
  outputs: Record<string, string>;
  logs: LogLine[];
  /** An integration script's answer (only for jobs with `integration`). */
  response?: IntegrationResponse;
}
