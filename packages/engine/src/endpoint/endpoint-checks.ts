import { z } from 'zod';
import { errorCodeSchema } from '../errors/error-code';
import { httpExchangeSchema, jsonSchema } from '../run/run-record';

/**
 * Test Authentication's answer: success with what was learnt (no secrets), or the
 * target's HTTP status and error body (null when no response came, e.g. TLS or connect failures).
 */
export const testAuthenticationResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    message: z.string(),
    /** e.g. `{ status: 200, instanceUrl, expiresIn }`; never a token. */
    details: z.record(z.string(), jsonSchema),
    exchanges: z.array(httpExchangeSchema),
  }),
  z.object({
    ok: z.literal(false),
    code: errorCodeSchema,
    message: z.string(),
    status: z.number().int().nullable(),
    body: z.string().nullable(),
    exchanges: z.array(httpExchangeSchema),
  }),
]);
export type TestAuthenticationResult = z.infer<typeof testAuthenticationResultSchema>;

const methodSchema = z
  .string()
  .trim()
  .min(1, 'Method is required')
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[!#$%&'*+.^_|~0-9A-Z-]+$/, 'Method must be a single word such as GET or POST'));

/** What the dialog's Test request sends: one request through the endpoint, as a step would. */
export const testRequestSchema = z.object({
  method: methodSchema.default('GET'),
  /** Relative to the base URL, may carry a query string; '' is the base URL itself. */
  path: z.string().max(8000, 'Path must be at most 8000 characters').default(''),
  headers: z.record(z.string(), z.string()).default({}),
  /** '' or absent sends no body. */
  body: z.string().max(1024 * 1024, 'Body must be at most 1 MiB').default(''),
});
export type TestRequestInput = z.input<typeof testRequestSchema>;
export type TestRequest = z.output<typeof testRequestSchema>;

/** The outcome of a Test request: every exchange (redacted), then the final response or the failure. */
export const testRequestResultSchema = z.object({
  exchanges: z.array(httpExchangeSchema),
  response: z
    .object({
      status: z.number().int(),
      statusText: z.string(),
      headers: z.record(z.string(), z.string()),
      body: z.string(),
      bodyTruncated: z.boolean(),
    })
    .nullable(),
  error: z.object({ code: errorCodeSchema, message: z.string(), details: z.record(z.string(), jsonSchema) }).nullable(),
});
export type TestRequestResult = z.infer<typeof testRequestResultSchema>;

/**
 * What the Connect popup's last page posts to `window.opener` before closing (SPEC §3 Connect).
 * It carries no secret; the dialog refetches the endpoint to show who connected.
 */
export const connectMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('flowyard:connected'), endpointId: z.string() }),
  z.object({ type: z.literal('flowyard:connect-failed'), endpointId: z.string().nullable(), message: z.string() }),
]);
export type ConnectMessage = z.infer<typeof connectMessageSchema>;

/** `endpoints.connectUrl`'s answer: the provider's authorization page to open in the popup. */
export const connectUrlResultSchema = z.object({ url: z.string() });
export type ConnectUrlResult = z.infer<typeof connectUrlResultSchema>;
