import { describe, expect, it } from 'vitest';
import { isUnauthorized } from './is-unauthorized';

describe('isUnauthorized', () => {
  it('recognises the API answer for a missing or expired session', () => {
    expect(isUnauthorized({ message: 'Sign in', data: { code: 'UNAUTHORIZED', trpcCode: 'UNAUTHORIZED', httpStatus: 401 } })).toBe(true);
    expect(isUnauthorized({ message: 'Sign in', data: { httpStatus: 401 } })).toBe(true);
  });

  it('leaves a role refusal and other failures alone', () => {
    expect(isUnauthorized({ message: 'No', data: { code: 'FORBIDDEN', trpcCode: 'FORBIDDEN', httpStatus: 403 } })).toBe(false);
    expect(isUnauthorized({ message: 'Gone', data: { code: 'NOT_FOUND', httpStatus: 404 } })).toBe(false);
    expect(isUnauthorized(new Error('network'))).toBe(false);
    expect(isUnauthorized(null)).toBe(false);
  });
});
