import type { IntegrationLogRow } from '@flowyard/db';
import { FlowyardError, integrationLogBodyBytes, type IntegrationLogEntry } from '@flowyard/engine';

/** A log entry row as the API shows it (the row is the entry). */
export function toLogEntry(row: IntegrationLogRow): IntegrationLogEntry {
  return { ...row };
}

/** A body as a log entry keeps it: at most 64 KiB (cut on a character boundary) and whether it was cut. */
export function capLogBody(body: string): { body: string; bodyTruncated: boolean } {
  if (body.length <= integrationLogBodyBytes / 4 || Buffer.byteLength(body) <= integrationLogBodyBytes) return { body, bodyTruncated: false };
  const cut = Buffer.from(body).subarray(0, integrationLogBodyBytes).toString('utf8');
  // A multi-byte character cut in half decodes as U+FFFD: drop it.
  return { body: cut.endsWith('\uFFFD') ? cut.slice(0, -1) : cut, bodyTruncated: true };
}

export function encodeLogCursor(position: { at: string; id: string }): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

export function decodeLogCursor(cursor: string): { at: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { at: value[0], id: value[1] };
  } catch {
    // fall through to the error below
  }
  throw new FlowyardError('VALIDATION_FAILED', 'Invalid cursor', { issues: [{ path: 'cursor', message: 'Invalid cursor; start from the first page' }] });
}
