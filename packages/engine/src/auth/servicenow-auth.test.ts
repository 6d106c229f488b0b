import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointWith, exchangeLog, failure, get, mockCredentials, startAuthKit, type AuthKit } from './auth-test-kit';

let kit: AuthKit;
beforeAll(async () => {
  kit = await startAuthKit();
});
afterAll(() => kit.close());

const creds = mockCredentials.servicenow;
const servicenow = (password: string = creds.password) => endpointWith(kit.providers.servicenow.baseUrl, { type: 'servicenow', username: creds.username, password });

describe('ServiceNow', () => {
  it('sends preemptive Basic credentials to the instance', async () => {
    const log = exchangeLog();
    const response = await kit.http.send(get(servicenow(), '/api/now/table/incident?sysparm_limit=1'), log.listen);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ result: [{ number: 'INC0000001' }] });
    expect(log.exchanges).toHaveLength(1);
    expect(log.exchanges[0]?.requestHeaders.authorization).toBe('[redacted]');
    expect(kit.providers.requests.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`);
  });

  it('Test Authentication reads the signed-in user, and reports a refusal with the instance status and body', async () => {
    const log = exchangeLog();
    const ok = await kit.http.checkAuthentication({ endpoint: servicenow(), timeoutMs: 5_000 }, log.listen);
    expect(ok.message).toBe(`Signed in to ServiceNow as ${creds.username}`);
    expect(log.exchanges[0]?.url).toContain('/api/now/table/sys_user?');

    const error = await failure(kit.http.checkAuthentication({ endpoint: servicenow('bad-snow-pass'), timeoutMs: 5_000 }, () => {}));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', details: { status: 401, body: expect.stringContaining('User Not Authenticated') } });
    expect(error.message).toMatch(/rejected the username or password/);
  });
});
