import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointWith, mockCredentials, startAuthKit, type AuthKit } from '../auth/auth-test-kit';
import { testAuthentication } from '../auth/test-authentication';
import { sendTestRequest } from './test-request';

let kit: AuthKit;
beforeAll(async () => {
  kit = await startAuthKit();
});
afterAll(() => kit.close());

const oauth2 = (password: string = mockCredentials.oauth2.password) =>
  endpointWith(kit.providers.oauth2.apiUrl, { type: 'oauth2', tokenUrl: kit.providers.oauth2.tokenUrl, ...mockCredentials.oauth2, password });

describe('sendTestRequest', () => {
  it('sends what a step sends (token request included) and returns every exchange redacted', async () => {
    const result = await sendTestRequest(oauth2(), { method: 'POST', path: '/orders?x=1', headers: { 'X-Trace': 't1' }, body: '{"a":1}' }, { http: kit.http });
    expect(result.error).toBeNull();
    expect(result.response).toMatchObject({ status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(result.response?.body ?? '')).toMatchObject({ method: 'POST', path: '/api/orders', body: '{"a":1}' });
    expect(result.exchanges.map((x) => `${x.method} ${x.url}`)).toEqual([`POST ${kit.providers.oauth2.tokenUrl}`, `POST ${kit.providers.oauth2.apiUrl}/orders?x=1`]);
    expect(result.exchanges[1]?.requestHeaders).toMatchObject({ authorization: '[redacted]', 'X-Trace': 't1', 'Content-Type': 'application/json' });
    const text = JSON.stringify(result);
    expect(text).not.toContain(mockCredentials.oauth2.password);
    expect(text).not.toContain(mockCredentials.oauth2.clientSecret);
    expect(text).not.toMatch(/oauth2-at-/);
  });

  it('returns the failure with its code and the exchanges made before it', async () => {
    const refused = await sendTestRequest(oauth2('wrong-pass-999'), { method: 'GET', path: '/x', headers: {}, body: '' }, { http: kit.http });
    expect(refused.response).toBeNull();
    expect(refused.error).toMatchObject({ code: 'AUTH_FAILED', details: { status: 400 } });
    expect(refused.exchanges).toHaveLength(1);

    const unreachable = await sendTestRequest(endpointWith('http://127.0.0.1:9', { type: 'none' }), { method: 'GET', path: '/', headers: {}, body: '' }, { http: kit.http });
    expect(unreachable.error?.code).toBe('HTTP_CONNECT_FAILED');
    expect(unreachable.exchanges[0]?.error?.code).toBe('HTTP_CONNECT_FAILED');
  });
});

describe('testAuthentication', () => {
  it('is ok with the details, or not ok with the target status and body', async () => {
    const ok = await testAuthentication(oauth2(), { http: kit.http });
    expect(ok).toMatchObject({ ok: true, details: { tokenType: 'bearer' } });
    const bad = await testAuthentication(oauth2('wrong-pass-999'), { http: kit.http });
    expect(bad).toMatchObject({ ok: false, code: 'AUTH_FAILED', status: 400, body: expect.stringContaining('invalid_grant') });
    expect(JSON.stringify(bad)).not.toContain('wrong-pass-999');
  });

  it('refuses types without a credentials check', async () => {
    await expect(testAuthentication(endpointWith('http://127.0.0.1:9', { type: 'none' }), { http: kit.http })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
