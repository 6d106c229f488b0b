import { z } from 'zod';
import { errorCodeSchema } from '../errors/error-code';
import { httpExchangeSchema, jsonSchema, logLineSchema, runStatusSchema, runUserSchema } from '../run/run-record';

/** Inbound: a URL of the workflow that runs a script on each call. Outbound: a script run on Flowyard's events (SPEC §10). */
export const integrationKinds = ['inbound', 'outbound'] as const;
export const integrationKindSchema = z.enum(integrationKinds);
export type IntegrationKind = z.infer<typeof integrationKindSchema>;

/** Where inbound calls arrive: `/inbound/<integration id>` (API key) or `/inbound/<integration id>/<token>` (URL authentication). */
export const inboundPathPrefix = '/inbound/';

/** The path an inbound integration answers on; with its token for URL authentication. */
export function inboundPath(integrationId: string, token?: string): string {
  return `${inboundPathPrefix}${encodeURIComponent(integrationId)}${token === undefined ? '' : `/${token}`}`;
}

/**
 * How an inbound call authenticates: a user's API key (Bearer, or Basic with the key as password,
 * exactly as HTTP triggers take it; the script's runs act as that user), or a long random token
 * in the URL (shown once, stored hashed, rotatable; runs act as `actAsUserId`).
 */
export const inboundAuthSchema = z.discriminatedUnion(
  'type',
  [z.object({ type: z.literal('apiKey') }), z.object({ type: z.literal('url'), actAsUserId: z.string({ error: 'Choose the user the runs act as' }).trim().min(1, 'Choose the user the runs act as').max(200) })],
  { error: 'Authentication must be { type: "apiKey" } or { type: "url", actAsUserId }' },
);
export type InboundAuth = z.infer<typeof inboundAuthSchema>;

/** The events an outbound integration listens to. */
export const outboundEvents = ['run.succeeded', 'run.failed', 'run.interrupted', 'step.failed'] as const;
export const outboundEventSchema = z.enum(outboundEvents);
export type OutboundEvent = z.infer<typeof outboundEventSchema>;

/** Which events, of which flow (`flowId` null: any flow of the workflow). */
export const outboundTriggerSchema = z.object({
  events: z
    .array(outboundEventSchema)
    .min(1, 'Choose at least one event')
    .max(outboundEvents.length)
    .refine((events) => new Set(events).size === events.length, 'An event is listed twice'),
  flowId: z.string().min(1).max(200).nullable().default(null),
});
export type OutboundTrigger = z.infer<typeof outboundTriggerSchema>;

/** At most this many script runs per minute (outbound); calls over it are skipped and logged as rate limited. */
export const integrationRateLimitSchema = z.object({
  perMinute: z.number().int('Rate limit must be a whole number').min(1, 'Rate limit must be at least 1 per minute').max(10_000, 'Rate limit must be at most 10000 per minute').default(60),
});
export type IntegrationRateLimit = z.infer<typeof integrationRateLimitSchema>;
export const defaultIntegrationRateLimit: IntegrationRateLimit = { perMinute: 60 };

const integrationNameSchema = z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(100, 'Name must be at most 100 characters');
const commonFields = {
  name: integrationNameSchema,
  description: z.string().max(1000, 'Description must be at most 1000 characters').default(''),
  enabled: z.boolean().default(true),
  script: z.string({ error: 'Script must be text' }).max(200_000, 'Script must be at most 200000 characters').default(''),
  timeoutMs: z.number().int().min(100, 'Time limit must be at least 100 ms').max(60_000, 'Time limit must be at most 60000 ms').default(10_000),
};

export const inboundIntegrationBodySchema = z.object({ kind: z.literal('inbound'), ...commonFields, auth: inboundAuthSchema });
export const outboundIntegrationBodySchema = z.object({
  kind: z.literal('outbound'),
  ...commonFields,
  trigger: outboundTriggerSchema,
  rateLimit: integrationRateLimitSchema.default(defaultIntegrationRateLimit),
});

/** An integration as the Integration Builder edits it. The kind never changes after creation. */
export const integrationBodySchema = z.discriminatedUnion('kind', [inboundIntegrationBodySchema, outboundIntegrationBodySchema], {
  error: 'Kind must be "inbound" or "outbound"',
});
export type IntegrationBody = z.infer<typeof integrationBodySchema>;
export type IntegrationBodyInput = z.input<typeof integrationBodySchema>;
export type InboundIntegrationBody = z.infer<typeof inboundIntegrationBodySchema>;
export type OutboundIntegrationBody = z.infer<typeof outboundIntegrationBodySchema>;

const idSchema = z.string().min(1).max(200);

export const integrationCreateSchema = z.object({ workflowId: idSchema, integration: integrationBodySchema });
export type IntegrationCreateInput = z.input<typeof integrationCreateSchema>;
export const integrationUpdateSchema = z.object({ id: idSchema, integration: integrationBodySchema });
export type IntegrationUpdateInput = z.input<typeof integrationUpdateSchema>;
export const integrationIdSchema = z.object({ id: idSchema });
/** Rotate: a new URL token (URL authentication only); the old one is refused from then on. */
export const integrationRotateSchema = integrationIdSchema;
export const integrationListSchema = z.object({ workflowId: idSchema });

/** A stored integration as the API returns it. */
export const integrationViewSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  integration: integrationBodySchema,
  /** Inbound: the path it answers on without the token (`/inbound/<id>`); null for outbound. */
  path: z.string().nullable(),
  /** URL authentication: when the current token was made (it is never shown again); null otherwise. */
  tokenCreatedAt: z.string().nullable(),
  /** URL authentication: the user runs act as; null otherwise (or when that user is gone). */
  actAs: runUserSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IntegrationView = z.infer<typeof integrationViewSchema>;

/**
 * Create, update and rotate answer the integration and, when one was just made (URL authentication
 * on create, on switching to it, on rotate), its token and the full path with it: shown once.
 */
export const integrationSavedSchema = z.object({
  integration: integrationViewSchema,
  token: z.string().nullable(),
  /** `/inbound/<id>/<token>` when a token was just made; null otherwise. Prefix with the server's public URL. */
  tokenPath: z.string().nullable(),
});
export type IntegrationSaved = z.infer<typeof integrationSavedSchema>;

/** How a logged call ended: answered by the script, failed (script error, refused caller…), or skipped by the rate limit. */
export const integrationOutcomes = ['succeeded', 'failed', 'rate-limited'] as const;
export const integrationOutcomeSchema = z.enum(integrationOutcomes);
export type IntegrationOutcome = z.infer<typeof integrationOutcomeSchema>;

/** The most of a call's raw body its log entry keeps. */
export const integrationLogBodyBytes = 64 * 1024;

/** One call of an integration (an inbound request, or an outbound event), as its log shows it. */
export const integrationLogEntrySchema = z.object({
  id: z.string(),
  integrationId: z.string(),
  at: z.string(),
  durationMs: z.number().nullable(),
  kind: integrationKindSchema,
  /** Inbound: the authenticated caller (or the configured user for URL authentication); outbound: the run's user. Null when refused before that was known. */
  caller: runUserSchema.nullable(),
  /** Inbound: the HTTP method; null for outbound. */
  method: z.string().nullable(),
  /** Outbound: the event and the run it is about; null for inbound. */
  event: outboundEventSchema.nullable(),
  sourceRunId: z.string().nullable(),
  /** The raw request body (outbound: the callback as JSON), capped at 64 KiB, credentials redacted. */
  body: z.string(),
  bodyTruncated: z.boolean(),
  logs: z.array(logLineSchema),
  exchanges: z.array(httpExchangeSchema),
  outcome: integrationOutcomeSchema,
  /** Inbound: the HTTP status answered; null for outbound. */
  status: z.number().int().nullable(),
  error: z.object({ code: errorCodeSchema, message: z.string() }).nullable(),
  /** The runs the script started with flows.start. */
  runIds: z.array(z.string()),
});
export type IntegrationLogEntry = z.infer<typeof integrationLogEntrySchema>;

/** A page of an integration's log, newest first. */
export const integrationLogPageInputSchema = z.object({
  integrationId: idSchema,
  cursor: z.string().min(1).max(500).nullish(),
  limit: z.number().int().min(1, 'Limit must be at least 1').max(50, 'Limit must be at most 50').default(20),
});
export type IntegrationLogPageInput = z.input<typeof integrationLogPageInputSchema>;
export const integrationLogPageSchema = z.object({ entries: z.array(integrationLogEntrySchema), nextCursor: z.string().nullable() });
export type IntegrationLogPage = z.infer<typeof integrationLogPageSchema>;

/** The `request` an inbound script sees (and a test sends). Header names are lower-case; credentials read `[redacted]`. */
export const integrationRequestSchema = z.object({
  method: z.string().trim().min(1).max(20).default('POST'),
  headers: z.record(z.string().max(200), z.string().max(8192)).default({}),
  /** Query parameters plus the fields of a form-urlencoded body; a repeated one as a list. */
  parameters: z.record(z.string().max(1000), z.union([z.string(), z.array(z.string())])).default({}),
  body: z.string().max(1024 * 1024, 'Body must be at most 1 MiB').default(''),
});
export type IntegrationRequest = z.infer<typeof integrationRequestSchema>;

/** What an outbound script gets as `callback` (and, as JSON text, as `request.body`). */
export const integrationCallbackSchema = z.object({
  event: outboundEventSchema,
  workflow: z.object({ id: z.string(), name: z.string() }),
  flow: z.object({ id: z.string(), name: z.string() }),
  run: z.object({ id: z.string(), status: runStatusSchema, startedAt: z.string(), endedAt: z.string().nullable(), summary: z.string() }),
  step: z.object({ id: z.string(), name: z.string(), error: z.object({ code: z.string(), message: z.string() }).nullable() }).nullable(),
  actedAs: runUserSchema,
});
export type IntegrationCallback = z.infer<typeof integrationCallbackSchema>;

/**
 * Runs a script once, as integrations.test: inbound with a sample `request`, outbound with a
 * sample `callback`. Nothing is recorded (no run, no log entry); flows.start only notes the call.
 */
export const integrationTestInputSchema = z.object({
  workflowId: idSchema,
  integration: integrationBodySchema,
  request: integrationRequestSchema.optional(),
  callback: integrationCallbackSchema.optional(),
});
export type IntegrationTestInput = z.input<typeof integrationTestInputSchema>;

/** What a test run answered (the response the caller would get), said and called; exchanges redacted. */
export const integrationTestResultSchema = z.object({
  response: z.object({ status: z.number().int(), headers: z.record(z.string(), z.string()), body: z.string() }),
  /** The flows.start calls the script made (not started by a test). */
  flowStarts: z.array(z.object({ flowName: z.string(), payload: jsonSchema })),
  logs: z.array(logLineSchema),
  exchanges: z.array(httpExchangeSchema),
  error: z.object({ code: errorCodeSchema, message: z.string() }).nullable(),
  durationMs: z.number(),
});
export type IntegrationTestResult = z.infer<typeof integrationTestResultSchema>;
