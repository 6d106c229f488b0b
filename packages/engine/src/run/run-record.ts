import { z } from 'zod';
import { errorCodeSchema } from '../errors/error-code';
import { checkJsonValue, isJsonProblem } from '../json/json-limits';

export const runStatuses = ['running', 'succeeded', 'failed', 'interrupted'] as const;
export const runStatusSchema = z.enum(runStatuses);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const stepStatuses = ['running', 'succeeded', 'failed', 'skipped', 'interrupted'] as const;
export const stepStatusSchema = z.enum(stepStatuses);
export type StepStatus = z.infer<typeof stepStatusSchema>;

/** JSON as stored in records and node data. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/**
 * Any JSON nesting at most MAX_JSON_DEPTH levels, checked by one iterative walk: a recursive schema
 * overflows the stack on deep input. The value is passed on as it is (keys such as `__proto__` included).
 */
export const jsonSchema: z.ZodType<Json> = z.custom<Json>().superRefine((value, ctx) => {
  const check = checkJsonValue(value);
  if (isJsonProblem(check)) ctx.addIssue({ code: 'custom', path: check.path, message: check.message });
});

export const stepErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Extra facts for the Activity panel (target status and body, certificate details, script line…). */
  details: z.record(z.string(), jsonSchema).default({}),
});
export type StepError = z.infer<typeof stepErrorSchema>;

/** One HTTP request/response as the Activity panel shows it; secrets already redacted. */
export const httpExchangeSchema = z.object({
  method: z.string(),
  url: z.string(),
  requestHeaders: z.record(z.string(), z.string()),
  requestBody: z.string().nullable(),
  requestBodyTruncated: z.boolean(),
  status: z.number().int().nullable(),
  statusText: z.string().nullable(),
  responseHeaders: z.record(z.string(), z.string()),
  responseBody: z.string().nullable(),
  responseBodyTruncated: z.boolean(),
  startedAt: z.string(),
  durationMs: z.number(),
  error: z.object({ code: errorCodeSchema, message: z.string() }).nullable(),
});
export type HttpExchange = z.infer<typeof httpExchangeSchema>;

export const logLineSchema = z.object({
  level: z.enum(['log', 'info', 'warn', 'error']),
  message: z.string(),
  at: z.string(),
});
export type LogLine = z.infer<typeof logLineSchema>;

/** A run's attempt number: 1 for the first, one more per takeover (records stored before attempts existed read 1). */
export const attemptSchema = z.number().int().min(1).default(1);

/** How a run was started: the Run button (`manual`, any trigger), a call to an HTTP trigger's URL (`http`), or an integration script's flows.start (`integration`). */
export const runTriggerTypes = ['manual', 'http', 'integration'] as const;
export const runTriggerTypeSchema = z.enum(runTriggerTypes);
export type RunTriggerType = z.infer<typeof runTriggerTypeSchema>;

/** The user a run acts as (SPEC §9): who clicked Run, or whose API key called the trigger. */
export const runUserSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type RunUser = z.infer<typeof runUserSchema>;

/** What a run started by an integration carries: the integration, and every integration up its chain (the outbound loop guard). */
export const runOriginSchema = z.object({
  integrationId: z.string(),
  integrationName: z.string(),
  /** Ids of the integrations whose calls led to this run, the nearest last. */
  chain: z.array(z.string()).max(32),
});
export type RunOrigin = z.infer<typeof runOriginSchema>;

export const runSummarySchema = z.object({
  id: z.string(),
  flowId: z.string(),
  flowVersion: z.number().int(),
  status: runStatusSchema,
  trigger: z.object({ type: runTriggerTypeSchema, nodeId: z.string() }),
  userId: z.string(),
  /** The user the run acted as; the built-in endpoint and Find User have exactly their permissions. */
  actedAs: runUserSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  error: stepErrorSchema.nullable(),
  /** The run's current attempt: 1, then one more each time a worker takes the run over after its worker stopped. */
  attempt: attemptSchema,
  /**
   * The past run this one re-runs (its trigger payload, again): from its start (`fromNodeId` null),
   * or from one step, the steps before it replayed from that run's records.
   */
  rerunOf: z.object({ runId: z.string(), fromNodeId: z.string().nullable() }).nullable().default(null),
  /** Started by an integration script's flows.start: which integration, and the chain that led here. Absent otherwise, so other records need none. */
  origin: runOriginSchema.optional(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** One try of a step whose `onFailure` retries it (Activity lists them); the step's exchanges and console lines hold every try's. */
export const stepTrySchema = z.object({
  /** 1 for the first try. */
  try: z.number().int().min(1),
  startedAt: z.string(),
  durationMs: z.number(),
  /** Why this try failed; null for the try that succeeded. */
  error: stepErrorSchema.nullable(),
  /** The HTTP status of the try's last exchange, if it got an answer. */
  status: z.number().int().nullable(),
  /** How long the runner waited before the next try (backoff, or the target's Retry-After); null after the last. */
  waitMs: z.number().nullable(),
});
export type StepTry = z.infer<typeof stepTrySchema>;

export const stepRecordSchema = z.object({
  id: z.string(),
  runId: z.string(),
  nodeId: z.string(),
  stepType: z.string(),
  name: z.string(),
  status: stepStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  inputs: z.record(z.string(), jsonSchema),
  outputs: z.record(z.string(), jsonSchema).nullable(),
  exchanges: z.array(httpExchangeSchema),
  logs: z.array(logLineSchema),
  error: stepErrorSchema.nullable(),
  /** The run attempt that wrote this record; a step in flight when its worker stopped runs again as the next one. */
  attempt: attemptSchema,
  /** Set when the step was not executed but took its recorded outputs from this past run (a re-run from a later step). */
  replayedFrom: z.string().nullable().default(null),
  /**
   * For a branching step that succeeded (a Switch): the source handle whose edges it followed. A
   * later attempt of the run routes by it without running the step again; null follows every edge.
   */
  nextHandle: z.string().nullable().default(null),
  // Optional, so records written before these existed (and by other code) need neither.
  /** True when a manual run took the step's pinned outputs instead of running it. */
  pinned: z.boolean().optional(),
  /** Each try of a step that retries on failure; absent for a step that does not. */
  tries: z.array(stepTrySchema).max(10).optional(),
});
export type StepRecord = z.infer<typeof stepRecordSchema>;

/** What the runner reports as it goes; the server persists each event and streams it. */
export type RunEvent =
  | { type: 'run'; run: RunSummary }
  | { type: 'step'; step: StepRecord };
