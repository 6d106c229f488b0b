import { FlowyardError } from '@flowyard/engine';

export function apiKeyNotFound(id: string): FlowyardError {
  return new FlowyardError('NOT_FOUND', 'API key not found', { details: { id } });
}

export function invalidApiKey(): FlowyardError {
  return new FlowyardError('UNAUTHORIZED', 'The API key is not valid');
}

export function revokedApiKey(): FlowyardError {
  return new FlowyardError('UNAUTHORIZED', 'The API key has been revoked');
}

export function disabledKeyUser(): FlowyardError {
  return new FlowyardError('FORBIDDEN', 'The user of this API key is disabled');
}

export function notYourKeys(): FlowyardError {
  return new FlowyardError('FORBIDDEN', 'Only an admin may manage another user’s API keys', { details: { permission: 'users.manage' } });
}
