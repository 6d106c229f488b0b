import { integrationCallbackSchema, integrationRequestSchema } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { sampleCallback, sampleRequest } from './test-sample';

describe('sampleRequest', () => {
  it('reads the query into parameters, a repeated name as a list', () => {
    const request = sampleRequest({ method: 'GET', query: '?a=1&b=2&a=3', contentType: 'application/json', body: '{"x":1}' });
    expect(request.parameters).toEqual({ a: ['1', '3'], b: '2' });
    // GET sends no body.
    expect(request.body).toBe('');
    expect(request.headers).toEqual({});
    expect(integrationRequestSchema.safeParse(request).success).toBe(true);
  });

  it('adds the fields of a form body to the parameters and keeps the raw body', () => {
    const request = sampleRequest({ method: 'POST', query: 'src=web', contentType: 'application/x-www-form-urlencoded', body: 'id=42&note=hello+world' });
    expect(request.parameters).toEqual({ src: 'web', id: '42', note: 'hello world' });
    expect(request.body).toBe('id=42&note=hello+world');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('leaves a JSON body out of the parameters', () => {
    const request = sampleRequest({ method: 'POST', query: '', contentType: 'application/json', body: '{"id":42}' });
    expect(request.parameters).toEqual({});
    expect(request.body).toBe('{"id":42}');
  });
});

describe('sampleCallback', () => {
  it('is a valid callback for every event', () => {
    for (const event of ['run.succeeded', 'run.failed', 'run.interrupted', 'step.failed'] as const) {
      const callback = sampleCallback({ event, workflow: { id: 'w', name: 'Default' }, flow: { id: 'f', name: 'Orders' }, user: { id: 'u', name: 'Ada', email: 'ada@x' } });
      expect(integrationCallbackSchema.safeParse(callback).success).toBe(true);
      expect(callback.step === null).toBe(event === 'run.succeeded' || event === 'run.interrupted');
    }
  });
});
