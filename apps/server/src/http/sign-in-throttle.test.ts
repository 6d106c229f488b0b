import type { Server } from 'node:http';
import { Agent, fetch } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { signInLimits } from '../auth/sign-in-limiter';
import { createTestApp, testAdminPassword, type TestApp } from '../testing/test-app';
import { createApp } from './app';

const started: Array<{ app: TestApp; server: Server }> = [];
afterEach(async () => {
  for (const { app, server } of started.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
  }
});

// Requests really sent from different loopback addresses (Linux answers all of 127.0.0.0/8).
const agents = new Map<string, Agent>();
function from(address: string): Agent {
  let agent = agents.get(address);
  if (agent === undefined) {
    agent = new Agent({ localAddress: address });
    agents.set(address, agent);
  }
  return agent;
}
afterAll(async () => {
  for (const agent of agents.values()) await agent.close();
});

async function serve(trustProxyHops: number): Promise<string> {
  const app = await createTestApp({ publicUrl: 'http://127.0.0.1', access: { allowedOrigins: [], trustProxyHops } });
  const server = createApp({ services: app.services, webDist: '/nonexistent' }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  started.push({ app, server });
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** Signs in over HTTP from `address` (a local source address), with extra headers; the status and Retry-After. */
async function signIn(base: string, address: string, email: string, password: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-flowyard-csrf': '1', ...headers },
    body: JSON.stringify({ email, password }),
    dispatcher: from(address),
  });
  await res.arrayBuffer();
  return { status: res.status, retryAfter: res.headers.get('retry-after') };
}

const guesses = signInLimits.perAccountAndAddress + 3;

describe('sign-in throttling over HTTP', () => {
  it('an address that fails for the admin again and again is slowed (429 with Retry-After); the admin from another address signs in at once', async () => {
    const base = await serve(0);
    const statuses: number[] = [];
    for (let i = 0; i < guesses; i += 1) statuses.push((await signIn(base, '127.0.0.66', 'admin@localhost', 'guess')).status);
    expect(statuses.slice(0, signInLimits.perAccountAndAddress)).toEqual(Array<number>(signInLimits.perAccountAndAddress).fill(401));
    expect(statuses.slice(signInLimits.perAccountAndAddress)).toEqual(Array<number>(guesses - signInLimits.perAccountAndAddress).fill(429));
    expect(await signIn(base, '127.0.0.66', 'admin@localhost', testAdminPassword)).toEqual({ status: 429, retryAfter: expect.stringMatching(/^\d+$/) });
    expect(await signIn(base, '127.0.0.7', 'admin@localhost', testAdminPassword)).toMatchObject({ status: 200 });
  });

  it('an address spraying one password over 50 emails is slowed, and others are not', async () => {
    const base = await serve(0);
    const statuses: number[] = [];
    for (let i = 0; i < 50; i += 1) statuses.push((await signIn(base, '127.0.0.66', `person${i}@example.com`, 'Winter2030!')).status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(signInLimits.perAddress);
    expect(statuses.slice(signInLimits.perAddress).every((status) => status === 429)).toBe(true);
    expect(await signIn(base, '127.0.0.7', 'admin@localhost', testAdminPassword)).toMatchObject({ status: 200 });
  });

  it('ignores X-Forwarded-For unless FLOWYARD_TRUST_PROXY says so', async () => {
    const base = await serve(0);
    // A made-up header per try changes nothing: the socket's address is what counts.
    for (let i = 0; i < guesses; i += 1) await signIn(base, '127.0.0.66', 'admin@localhost', 'guess', { 'x-forwarded-for': `198.51.100.${i}` });
    expect((await signIn(base, '127.0.0.66', 'admin@localhost', testAdminPassword, { 'x-forwarded-for': '198.51.100.200' })).status).toBe(429);
  });

  it('with one trusted proxy, counts the address that proxy saw (its X-Forwarded-For entry), not what the client wrote before it', async () => {
    const base = await serve(1);
    // Everything comes through the proxy at 127.0.0.5, which appends the address it saw.
    for (let i = 0; i < guesses; i += 1) await signIn(base, '127.0.0.5', 'admin@localhost', 'guess', { 'x-forwarded-for': `10.9.9.${i}, 203.0.113.66` });
    expect((await signIn(base, '127.0.0.5', 'admin@localhost', testAdminPassword, { 'x-forwarded-for': '10.1.1.1, 203.0.113.66' })).status).toBe(429);
    // The admin, behind the same proxy from another address, signs in at once.
    expect((await signIn(base, '127.0.0.5', 'admin@localhost', testAdminPassword, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(200);
  });
});
