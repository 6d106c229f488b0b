import { FlowyardError } from '@flowyard/engine';

export function wrongCredentials(): FlowyardError {
  return new FlowyardError('UNAUTHORIZED', 'Wrong email or password');
}

export function tooManySignIns(retryAfterSeconds: number): FlowyardError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new FlowyardError('UNAUTHORIZED', `Too many failed sign-ins for this email; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`, {
    details: { retryAfterSeconds },
  });
}

export function userDisabled(): FlowyardError {
  return new FlowyardError('FORBIDDEN', 'This user is disabled; ask an admin to enable it');
}
