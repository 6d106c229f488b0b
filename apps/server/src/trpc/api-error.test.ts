import { FlowyardError } from '@flowyard/engine';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeApiError, internalErrorMessage } from './api-error';

describe('describeApiError', () => {
  it('carries a FlowyardError’s code, issues and details', () => {
    const cause = new FlowyardError('ENDPOINT_IN_USE', 'in use', { details: { usage: [] } });
    expect(describeApiError(new TRPCError({ code: 'CONFLICT', message: cause.message, cause }))).toEqual({
      code: 'ENDPOINT_IN_USE',
      message: 'in use',
      issues: [],
      details: { usage: [] },
    });
  });

  it('turns input validation errors into VALIDATION_FAILED with dotted field paths', () => {
    const result = z.object({ auth: z.object({ username: z.string().min(1, 'Username is required') }) }).safeParse({ auth: { username: '' } });
    expect(result.success).toBe(false);
    const error = new TRPCError({ code: 'BAD_REQUEST', cause: result.error });
    expect(describeApiError(error)).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'auth.username', message: 'Username is required' }] });
  });

  it('never passes on the message of an unexpected error', () => {
    const error = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'SQLITE_CONSTRAINT at /srv/secret/path', cause: new Error('boom') });
    expect(describeApiError(error)).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: internalErrorMessage, issues: [], details: {} });
  });
});
