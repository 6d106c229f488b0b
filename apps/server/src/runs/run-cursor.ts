import { FlowyardError } from '@flowyard/engine';

/** Keyset position in the newest-first run list: the last item's start time and id. */
export interface RunCursor {
  startedAt: string;
  id: string;
}

export function encodeRunCursor(cursor: RunCursor): string {
  return Buffer.from(JSON.stringify([cursor.startedAt, cursor.id]), 'utf8').toString('base64url');
}

export function decodeRunCursor(text: string): RunCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { startedAt: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new FlowyardError('VALIDATION_FAILED', 'Invalid cursor', { issues: [{ path: 'cursor', message: 'Invalid cursor; start from the first page' }] });
}
