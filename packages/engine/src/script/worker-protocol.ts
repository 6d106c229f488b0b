// Messages between the main thread (the pool) and a script worker. Both sides parse what
// they receive: the data is plain structured-clone values, never the host's functions.
import { z } from 'zod';
import { errorCodeSchema } from '../errors/error-code';
import { jsonSchema, logLineSchema } from '../run/run-record';
import { integrationResponseSchema, integrationScriptDataSchema } from './integration-globals';
import { scriptHttpRequestSchema } from './script-types';

/** One script run as the worker receives it (limits already resolved, empty inputs already dropped). */
export const scriptJobSchema = z.object({
  source: z.string(),
  input: z.record(z.string(), z.string()),
  constants: z.record(z.string(), z.string()),
  libraries: z.record(z.string(), z.string()),
  endpointLabels: z.record(z.string(), z.string()),
  timeoutMs: z.number().int().positive(),
  memoryLimitBytes: z.number().int().positive(),
  /** An integration script's `request` and `callback` (integration-globals.ts); absent for custom steps. */
  integration: integrationScriptDataSchema.optional(),
});
export type ScriptJob = z.infer<typeof scriptJobSchema>;

/** A call the script makes that only the host can answer. */
export const hostCallSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('request'), request: scriptHttpRequestSchema }),
  z.object({ kind: z.literal('authenticate'), endpoint: z.string() }),
  /** An integration script's flows.start(name, payload); the payload as JSON text. */
  z.object({ kind: z.literal('startFlow'), flowName: z.string(), payloadJson: z.string() }),
]);
export type HostCall = z.infer<typeof hostCallSchema>;

export const hostCallErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), jsonSchema),
});
export type HostCallError = z.infer<typeof hostCallErrorSchema>;

export const hostCallResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('response'),
    response: z.object({ statusCode: z.number().int(), statusMessage: z.string(), headers: z.record(z.string(), z.string()), body: z.string() }),
  }),
  z.object({ kind: z.literal('token'), token: z.string() }),
  z.object({ kind: z.literal('started'), runId: z.string() }),
  z.object({ kind: z.literal('error'), error: hostCallErrorSchema }),
]);
export type HostCallResult = z.infer<typeof hostCallResultSchema>;

/** Why a script did not finish normally, as the worker saw it. */
export const scriptFailureSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('error'),
    message: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    /** Set when the error happened inside a shared library. */
    library: z.string().optional(),
  }),
  /** A failed `write()` / `http.authenticate()` the script did not catch: the step fails with its code. */
  z.object({ kind: z.literal('host-call'), error: hostCallErrorSchema, line: z.number().int().optional(), column: z.number().int().optional() }),
  z.object({ kind: z.literal('timeout') }),
  z.object({ kind: z.literal('memory') }),
  /** The engine itself broke (e.g. WebAssembly trapped); the worker is replaced. */
  z.object({ kind: z.literal('engine'), message: z.string() }),
]);
export type ScriptFailure = z.infer<typeof scriptFailureSchema>;

export const scriptOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), outputs: z.record(z.string(), z.string()), response: integrationResponseSchema.optional() }),
  z.object({ ok: z.literal(false), failure: scriptFailureSchema }),
]);
export type ScriptOutcome = z.infer<typeof scriptOutcomeSchema>;

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), jobId: z.number().int(), job: scriptJobSchema }),
  z.object({ type: z.literal('reply'), jobId: z.number().int(), callId: z.number().int(), result: hostCallResultSchema }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('start-failed'), message: z.string() }),
  z.object({ type: z.literal('call'), jobId: z.number().int(), callId: z.number().int(), call: hostCallSchema }),
  z.object({ type: z.literal('log'), jobId: z.number().int(), line: logLineSchema }),
  /** `retire`: the worker's engine should not be reused; the pool replaces the worker. */
  z.object({ type: z.literal('done'), jobId: z.number().int(), outcome: scriptOutcomeSchema, retire: z.boolean() }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

/** What the pool hands a new worker: `cancel` holds the id of a job to stop (read by the interrupt handler). */
export const scriptWorkerDataSchema = z.object({ cancel: z.instanceof(SharedArrayBuffer) });
export type ScriptWorkerData = z.infer<typeof scriptWorkerDataSchema>;
