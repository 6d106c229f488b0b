import { FlowyardError } from '@flowyard/engine';

export function flowNotFound(id: string): FlowyardError {
  return new FlowyardError('NOT_FOUND', 'Flow not found', { details: { id } });
}
