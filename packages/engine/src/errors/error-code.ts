import { z } from 'zod';

/** The error codes of SPEC §7, shown in the Activity panel and returned by the API. */
export const errorCodes = [
  'ENDPOINT_NOT_FOUND',
  'ENDPOINT_IN_USE',
  'AUTH_TYPE_IMMUTABLE',
  'VALIDATION_FAILED',
  'TLS_UNTRUSTED_CERT',
  'TLS_HOSTNAME_MISMATCH',
  'TLS_CERT_EXPIRED',
  'HTTP_CONNECT_FAILED',
  'HTTP_TIMEOUT',
  'AUTH_FAILED',
  'SCRIPT_ERROR',
  'SCRIPT_TIMEOUT',
  'SCRIPT_OUT_OF_MEMORY',
  // A response body over the cap (FLOWYARD_MAX_RESPONSE_BYTES), stopped while streaming.
  'RESPONSE_TOO_LARGE',
  // A step's outputs over 1 MiB once serialised.
  'OUTPUT_TOO_LARGE',
  // The process running the run stopped, or its attempts ran out.
  'RUN_INTERRUPTED',
  // A person stopped the run; the record says who.
  'RUN_STOPPED',
  // The flow's HTTP triggers are turned off (Flows list); the call started nothing.
  'FLOW_DISABLED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  // No valid session or API key (HTTP 401); FORBIDDEN is a known caller lacking a permission.
  'UNAUTHORIZED',
  // Too many failed sign-ins from one address (HTTP 429); `details.retryAfterSeconds` says when to try again.
  'TOO_MANY_REQUESTS',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;
