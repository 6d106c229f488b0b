import type { FlowyardError, RestError } from '@flowyard/engine';
import type { ServerResponse } from 'node:http';
import { httpStatusOf } from '../trpc/error-map';

/** Answers `{ error: { code, message } }` with `status` (default: the code's status); 401 says how to authenticate. */
export function sendApiError(res: ServerResponse, error: FlowyardError, status: number = httpStatusOf(error.code)): void {
  const body: RestError = { error: { code: error.code, message: error.message } };
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="Flowyard", Basic realm="Flowyard"');
  sendJson(res, status, body);
}

/**
 * Answers `body` as JSON, never cached. Straight to the socket: Express's `json` would also hash
 * every answer for an ETag that API callers never revalidate.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json), 'Cache-Control': 'no-store' });
  res.end(json);
}
