import type { ErrorCode, FlowyardError, RestError } from '@flowyard/engine';
import type { Response } from 'express';

const statusByCode: Partial<Record<ErrorCode, number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
};

/** The HTTP status of a REST API or HTTP trigger error (500 for codes that mean a server-side failure). */
export function httpStatusOf(code: ErrorCode): number {
  return statusByCode[code] ?? 500;
}

/** Answers `{ error: { code, message } }` with `status` (default: the code's status); 401 says how to authenticate. */
export function sendApiError(res: Response, error: FlowyardError, status: number = httpStatusOf(error.code)): void {
  const body: RestError = { error: { code: error.code, message: error.message } };
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="Flowyard", Basic realm="Flowyard"');
  res.status(status).setHeader('Cache-Control', 'no-store').json(body);
}
