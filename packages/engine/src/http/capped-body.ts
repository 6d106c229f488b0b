import type { Readable } from 'node:stream';
import { FlowyardError } from '../errors/flowyard-error';
import { MAX_RECORDED_BODY_BYTES } from './truncate';

/** Response bodies that steps, scripts and token requests read stop here (FLOWYARD_MAX_RESPONSE_BYTES on the server). */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/**
 * A body that went over the cap; reading stopped there. `head` is its start as it arrived: one byte
 * more than an exchange records, so the record shows it was cut.
 */
export class BodyOverCapError extends Error {
  constructor(readonly head: Buffer) {
    super('The response body is over the cap');
    this.name = 'BodyOverCapError';
  }
}

/**
 * Reads a response body chunk by chunk, destroying it (and rejecting with BodyOverCapError) as soon
 * as more than `maxBytes` arrived, so memory stays bounded whatever the target sends. A body whose
 * Content-Length is already over the cap is read only as far as an exchange records. Plain stream
 * events: an async iterator costs more per response than the small bodies steps usually get.
 */
export function readCappedBody(body: Readable, maxBytes: number, contentLength: string | undefined): Promise<Buffer> {
  const declared = contentLength === undefined ? NaN : Number(contentLength);
  // A HEAD answer declares a length it never sends, so only bytes that arrive count.
  const stopAt = declared > maxBytes ? Math.min(maxBytes, MAX_RECORDED_BODY_BYTES) : maxBytes;
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      size += chunk.length;
      if (size <= stopAt) return;
      stop();
      // Destroyed without an error: nobody listens for one any more.
      body.on('error', ignore);
      body.destroy();
      reject(new BodyOverCapError(Buffer.concat(chunks, size).subarray(0, MAX_RECORDED_BODY_BYTES + 1)));
    };
    const onEnd = (): void => {
      stop();
      resolve(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    body.on('data', onData);
    body.on('end', onEnd);
    body.on('error', onError);
  });
}

function ignore(): void {}

/** RESPONSE_TOO_LARGE for a step, a script's `write()` or a token request. */
export function responseTooLarge(url: string, maxBytes: number): FlowyardError {
  return new FlowyardError('RESPONSE_TOO_LARGE', `The response from ${url} is larger than ${describeCap(maxBytes)}; reading stopped there`, {
    details: { url, maxBytes },
  });
}

function describeCap(bytes: number): string {
  const MiB = 1024 * 1024;
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}
