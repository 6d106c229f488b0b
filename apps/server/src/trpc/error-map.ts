import type { ErrorCode } from '@flowyard/engine';
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

/** The one table from SPEC §7 codes to tRPC codes (and so HTTP statuses); docs/error-codes.md lists it. */
export const trpcCodeBySpecCode = {
  ENDPOINT_NOT_FOUND: 'NOT_FOUND',
  ENDPOINT_IN_USE: 'CONFLICT',
  AUTH_TYPE_IMMUTABLE: 'BAD_REQUEST',
  VALIDATION_FAILED: 'BAD_REQUEST',
  TLS_UNTRUSTED_CERT: 'BAD_GATEWAY',
  TLS_HOSTNAME_MISMATCH: 'BAD_GATEWAY',
  TLS_CERT_EXPIRED: 'BAD_GATEWAY',
  HTTP_CONNECT_FAILED: 'BAD_GATEWAY',
  HTTP_TIMEOUT: 'GATEWAY_TIMEOUT',
  AUTH_FAILED: 'BAD_GATEWAY',
  SCRIPT_ERROR: 'UNPROCESSABLE_CONTENT',
  SCRIPT_TIMEOUT: 'UNPROCESSABLE_CONTENT',
  SCRIPT_OUT_OF_MEMORY: 'UNPROCESSABLE_CONTENT',
  RESPONSE_TOO_LARGE: 'BAD_GATEWAY',
  OUTPUT_TOO_LARGE: 'UNPROCESSABLE_CONTENT',
  RUN_INTERRUPTED: 'SERVICE_UNAVAILABLE',
  RUN_STOPPED: 'CONFLICT',
  FLOW_DISABLED: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHORIZED: 'UNAUTHORIZED',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
} as const satisfies Record<ErrorCode, TRPC_ERROR_CODE_KEY>;

const httpStatusByCode = new Map<ErrorCode, number>();

/** The HTTP status of a SPEC code, as tRPC answers its mapped code (REST and trigger answers use the same). */
export function httpStatusOf(code: ErrorCode): number {
  let status = httpStatusByCode.get(code);
  if (status === undefined) {
    status = getHTTPStatusCodeFromError(new TRPCError({ code: trpcCodeBySpecCode[code] }));
    httpStatusByCode.set(code, status);
  }
  return status;
}
