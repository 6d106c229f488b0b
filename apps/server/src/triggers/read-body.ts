import { FlowyardError } from '@flowyard/engine';
import type { IncomingMessage } from 'node:http';

/** The default limit on an HTTP trigger's request body. */
export const defaultMaxTriggerBodyBytes = 1024 * 1024;

/** Too large: answered 413 (the caller may still be sending, so the connection is closed after it). */
export class BodyTooLargeError extends FlowyardError {
  constructor(limit: number) {
    super('VALIDATION_FAILED', `The request body is larger than ${limit} bytes`, { details: { limit } });
  }
}

/** Reads the whole request body, refusing (BodyTooLargeError) as soon as it passes `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
