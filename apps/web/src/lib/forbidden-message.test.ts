import { describe, expect, it } from 'vitest';
import { forbiddenMessage } from './forbidden-message';
import { readApiError } from './trpc-error';

describe('forbidden message', () => {
  it('names the roles that may do it and the one the person has, never the permission', () => {
    const message = forbiddenMessage({ permission: 'flows.edit', role: 'standard' });
    expect(message).toBe('You cannot do this as a Standard User: it needs the Admin or Developer role. Ask an admin if you need it.');
    expect(forbiddenMessage({ permission: 'users.manage', role: 'developer' })).toContain('it needs the Admin role');
    expect(forbiddenMessage({ permission: 'users.read', role: 'standard' })).toContain('it needs the Admin or REST Web Service User role');
  });

  it('keeps the server message when the details do not say', () => {
    expect(forbiddenMessage({})).toBeNull();
    expect(forbiddenMessage({ permission: 'nope', role: 'standard' })).toBeNull();
  });

  it('is what readApiError reports for FORBIDDEN', () => {
    const error = readApiError({
      message: 'A Standard User may not do this (needs runs.view)',
      data: { code: 'FORBIDDEN', details: { permission: 'runs.view', role: 'standard' } },
    });
    expect(error.message).not.toContain('runs.view');
    expect(error.message).toContain('Admin or Developer');
  });
});
