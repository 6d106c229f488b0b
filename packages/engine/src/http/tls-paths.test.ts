import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuthentication } from '../auth/test-authentication';
import type { ResolvedAuth } from '../endpoint/auth';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import type { HttpExchange } from '../run/run-record';
import { createScriptPool } from '../script/script-pool';
import { scriptOptions } from '../script/script-test-kit';
import { scriptRequest } from '../steps/custom-step/script-request';
import { testCertificates, type TestCertificates } from '../testing/test-certificates';
import { startTlsTarget, type TlsTarget } from '../testing/tls-target';
import { createHttpClient } from './http-client';
import { sendTestRequest } from './test-request';

// Test Authentication, Test request and scripts go through the same client, so the same TLS rules.
let certs: TestCertificates;
let target: TlsTarget;
const http = createHttpClient();
const pool = createScriptPool({ size: 1 });

beforeAll(async () => {
  certs = testCertificates();
  target = await startTlsTarget(certs.selfSigned);
  await pool.warmUp();
}, 90_000);
afterAll(async () => {
  await Promise.all([pool.close(), http.close(), target.close()]);
});

function endpoint(trustSelfSigned: boolean, auth: ResolvedAuth = { type: 'none' }): ResolvedEndpoint {
  return { id: `secure-${String(trustSelfSigned)}`, name: 'Secure', baseUrl: target.url, trustSelfSigned, auth };
}

describe('one TLS handling for every way out', () => {
  it('Test request refuses an untrusted certificate with its details, sends nothing, and passes once trusted', async () => {
    const refused = await sendTestRequest(endpoint(false), { method: 'POST', path: '/test', headers: {}, body: 'test-request-body' }, { http, timeoutMs: 10_000 });
    expect(refused.response).toBeNull();
    expect(refused.error).toMatchObject({ code: 'TLS_UNTRUSTED_CERT', details: { certificate: { subject: 'CN=localhost', issuer: 'CN=localhost' } } });
    expect(refused.exchanges).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'TLS_UNTRUSTED_CERT' }) })]);
    expect(target.received()).toBe('');

    const passed = await sendTestRequest(endpoint(true), { method: 'POST', path: '/test', headers: {}, body: 'test-request-body' }, { http, timeoutMs: 10_000 });
    expect(passed.error).toBeNull();
    expect(passed.response).toMatchObject({ status: 200, body: 'ok' });
    expect(target.received()).toContain('test-request-body');
  });

  it('Test Authentication does not send credentials to a token URL whose certificate is untrusted', async () => {
    const before = target.received();
    const auth: ResolvedAuth = { type: 'oauth2', tokenUrl: `${target.url}/token`, username: 'tls-user', password: 'tls-password-123', clientId: 'tls-client', clientSecret: 'tls-secret-456' };
    const result = await testAuthentication(endpoint(false, auth), { http, timeoutMs: 10_000 });
    expect(result).toMatchObject({ ok: false, code: 'TLS_UNTRUSTED_CERT', status: null });
    expect(target.received()).toBe(before);
    expect(JSON.stringify(result)).not.toMatch(/tls-password-123|tls-secret-456/);
  });

  it('a script sees the TLS failure as an error carrying its code and the certificate', async () => {
    const exchanges: HttpExchange[] = [];
    const source = [
      'try {',
      "  http.request({ endpoint: 'Secure', method: 'POST', path: '/script' }).write('script-body');",
      "  output['Result'] = 'sent';",
      '} catch (error) {',
      "  output['Result'] = error.code + ' ' + error.details.certificate.subject;",
      '}',
    ].join('\n');
    const run = (trust: boolean) => {
      const secure = endpoint(trust);
      const endpoints = { get: async () => secure, getByName: async (name: string) => (name === 'Secure' ? secure : undefined) };
      return pool.run(scriptOptions(source, { request: scriptRequest({ endpoints, http, exchange: (x) => exchanges.push(x) }, 10_000) }));
    };
    const before = target.received();
    expect((await run(false)).outputs).toEqual({ Result: 'TLS_UNTRUSTED_CERT CN=localhost' });
    expect(target.received()).toBe(before);
    expect((await run(true)).outputs).toEqual({ Result: 'sent' });
    expect(target.received()).toContain('script-body');
    expect(exchanges.map((x) => x.error?.code ?? x.status)).toEqual(['TLS_UNTRUSTED_CERT', 200]);
  }, 60_000);
});
