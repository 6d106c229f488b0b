import type { FlowPosition } from '@flowyard/db';
import { FlowyardError } from '@flowyard/engine';

/** Keyset position in the Flows list (by name, then id), as an opaque text. */
export function encodeFlowCursor(position: FlowPosition): string {
  return Buffer.from(JSON.stringify([position.name, position.id]), 'utf8').toString('base64url');
}

export function decodeFlowCursor(text: string): FlowPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { name: value[0], id: value[1] };
  } catch {
    // fall through to the error below
  }
  throw new FlowyardError('VALIDATION_FAILED', 'Invalid cursor', { issues: [{ path: 'cursor', message: 'Invalid cursor; start from the first page' }] });
}
