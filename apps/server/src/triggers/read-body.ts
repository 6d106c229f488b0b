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

/**
 * Reads the whole request body, refusing (BodyTooLargeError) as soon as it passes `limit` bytes
 * (the rest is left unread; the caller answers and closes). Plain stream events: an async
 * iterator per request costs more than the small bodies triggers usually get.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += buffer.length;
      if (size > limit) {
        stop();
        req.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = (): void => {
      stop();
      resolve(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
