import { FlowyardError } from '@flowyard/engine';

export function userNotFound(id: string): FlowyardError {
  return new FlowyardError('NOT_FOUND', 'User not found', { details: { id } });
}

export function emailTaken(email: string): FlowyardError {
  return new FlowyardError('CONFLICT', `A user with the email ${email} already exists`, {
    issues: [{ path: 'email', message: 'Another user has this email' }],
  });
}

export function lastAdmin(field: 'role' | 'disabled'): FlowyardError {
  const what = field === 'role' ? 'change the role of' : 'disable';
  return new FlowyardError('CONFLICT', `You cannot ${what} the last enabled admin; make another user an admin first`, {
    issues: [{ path: field, message: 'Flowyard needs at least one enabled admin' }],
  });
}
