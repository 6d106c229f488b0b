import { describe, expect, it } from 'vitest';
import { formLevelMessage, isRetryable, readApiError, splitIssues } from './trpc-error';

describe('readApiError', () => {
  it('reads the SPEC code, issues and details from error.data', () => {
    const error = Object.assign(new Error('Endpoint is used'), {
      data: {
        code: 'ENDPOINT_IN_USE',
        httpStatus: 409,
        issues: [{ path: 'name', message: 'Taken' }],
        details: { usage: [{ flowId: 'f1' }] },
      },
    });
    expect(readApiError(error)).toEqual({
      code: 'ENDPOINT_IN_USE',
      message: 'Endpoint is used',
      issues: [{ path: 'name', message: 'Taken' }],
      details: { usage: [{ flowId: 'f1' }] },
    });
  });

  it('ignores a code that is not a SPEC §7 code (e.g. a bare tRPC code)', () => {
    const error = Object.assign(new Error('boom'), { data: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(readApiError(error).code).toBeUndefined();
  });

  it('survives errors without data and non-errors', () => {
    expect(readApiError(new Error('offline'))).toEqual({ code: undefined, message: 'offline', issues: [], details: {} });
    expect(readApiError('weird').message).toBe('weird');
    expect(readApiError(Object.assign(new Error('x'), { data: { issues: 'nope' } })).issues).toEqual([]);
  });
});

describe('splitIssues', () => {
  const fields = ['name', 'baseUrl', 'auth.username'] as const;

  it('maps dotted paths to form fields and keeps the rest', () => {
    const result = splitIssues(
      [
        { path: 'name', message: 'An endpoint named "A" already exists' },
        { path: 'auth.username', message: 'Username is required' },
        { path: 'id', message: 'Unknown endpoint' },
        { path: '', message: 'General' },
      ],
      fields,
    );
    expect(result.byField).toEqual([
      { field: 'name', message: 'An endpoint named "A" already exists' },
      { field: 'auth.username', message: 'Username is required' },
    ]);
    expect(result.other).toEqual([
      { path: 'id', message: 'Unknown endpoint' },
      { path: '', message: 'General' },
    ]);
  });

  it('keeps only the first message per field', () => {
    const result = splitIssues(
      [
        { path: 'baseUrl', message: 'first' },
        { path: 'baseUrl', message: 'second' },
      ],
      fields,
    );
    expect(result.byField).toEqual([{ field: 'baseUrl', message: 'first' }]);
  });
});

describe('formLevelMessage', () => {
  const base = { code: undefined, message: 'Request failed', issues: [], details: {} };
  it('shows leftover issues, or the message when nothing went to a field', () => {
    expect(formLevelMessage(base, [{ path: 'id', message: 'gone' }], 1)).toBe('id: gone');
    expect(formLevelMessage(base, [], 1)).toBeNull();
    expect(formLevelMessage(base, [], 0)).toBe('Request failed');
  });
});

describe('isRetryable', () => {
  const withStatus = (httpStatus: number) => Object.assign(new Error('x'), { data: { httpStatus } });
  it('retries network and server failures but not answers about the request', () => {
    expect(isRetryable(new Error('Failed to fetch'))).toBe(true);
    expect(isRetryable(withStatus(502))).toBe(true);
    expect(isRetryable(withStatus(404))).toBe(false);
    expect(isRetryable(withStatus(400))).toBe(false);
  });
});
