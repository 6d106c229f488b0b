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
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  // No valid session or API key (HTTP 401); FORBIDDEN is a known caller lacking a permission.
  'UNAUTHORIZED',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;
