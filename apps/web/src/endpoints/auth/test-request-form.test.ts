import { describe, expect, it } from 'vitest';
import { newTestRequestValues, testRequestFormSchema, toTestRequest } from './test-request-form';

describe('test request form', () => {
  it('turns header rows into the API record, dropping empty rows', () => {
    const parsed = testRequestFormSchema.parse({
      method: 'POST',
      path: '/api/items?x=1',
      headers: [
        { name: ' X-Trace ', value: 'abc' },
        { name: '', value: '' },
        { name: 'Accept', value: 'text/plain' },
        { name: 'Accept', value: 'application/json' },
      ],
      body: '{"a":1}',
    });
    expect(toTestRequest(parsed)).toEqual({
      method: 'POST',
      path: '/api/items?x=1',
      headers: { 'X-Trace': 'abc', Accept: 'application/json' },
      body: '{"a":1}',
    });
  });

  it('asks for a header name once the row has a value', () => {
    const result = testRequestFormSchema.safeParse({ ...newTestRequestValues, headers: [{ name: '  ', value: 'v' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['headers.0.name', 'Header name is required']]);
  });

  it('starts as a GET of the base URL', () => {
    expect(toTestRequest(testRequestFormSchema.parse(newTestRequestValues))).toEqual({ method: 'GET', path: '', headers: {}, body: '' });
  });

  it('uses the API limits on the path', () => {
    const result = testRequestFormSchema.safeParse({ ...newTestRequestValues, path: 'x'.repeat(8001) });
    expect(result.error?.issues[0]?.message).toBe('Path must be at most 8000 characters');
  });
});
