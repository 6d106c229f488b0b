import { FlowyardError } from '@flowyard/engine';

export function wrongCredentials(): FlowyardError {
  return new FlowyardError('UNAUTHORIZED', 'Wrong email or password');
}

export function tooManySignIns(retryAfterSeconds: number): FlowyardError {
  const wait = retryAfterSeconds < 60 ? plural(retryAfterSeconds, 'second') : plural(Math.ceil(retryAfterSeconds / 60), 'minute');
  return new FlowyardError('TOO_MANY_REQUESTS', `Too many failed sign-ins from your address; try again in ${wait}`, {
    details: { retryAfterSeconds },
  });
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

export function userDisabled(): FlowyardError {
  return new FlowyardError('FORBIDDEN', 'This user is disabled; ask an admin to enable it');
}
