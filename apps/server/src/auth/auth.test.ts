import { createTestDatabase } from '@flowyard/db/testing';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { createCaller } from '../trpc/create-caller';
import { contextFor } from '../trpc/create-context';
import { apiErrorOf, createTestApp, testAdminPassword, type TestApp } from '../testing/test-app';
import { recordingSessionCookie } from './session-cookie';
import { sessionIdleMs, sessionMaxMs } from './sessions-service';
import { addressGroup, createSignInLimiter, signInLimits } from './sign-in-limiter';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2030-01-01T00:00:00.000Z')) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms) };
}

/** A caller as a browser without a session, whose cookie the test can read. */
function browser(current: TestApp) {
  const cookie = recordingSessionCookie();
  const caller = createCaller({ ...contextFor(current.services, null), sessionCookie: cookie });
  return { cookie, caller };
}

describe('auth.signIn / auth.signOut / auth.session', () => {
  it('signs in with email and password, sets the session cookie, and signs out', async () => {
    app = await createTestApp();
    const { cookie, caller } = browser(app);
    expect(await caller.auth.session()).toBeNull();
    const user = await caller.auth.signIn({ email: ' Admin@Localhost ', password: testAdminPassword });
    expect(user).toMatchObject({ id: app.admin.id, email: 'admin@localhost', role: 'admin' });
    expect(user).not.toHaveProperty('passwordHash');
    const token = cookie.token;
    if (token === null) throw new Error('no cookie set');
    const session = await app.services.sessions.resolve(token);
    expect(session?.user.id).toBe(app.admin.id);
    // Only the token's hash is stored.
    const stored = await app.sql.query('SELECT id FROM sessions');
    expect(stored.map((r) => r.id)).toEqual([session?.sessionId]);
    expect(JSON.stringify(stored)).not.toContain(token);

    const signedIn = createCaller({ ...contextFor(app.services, user), sessionId: session?.sessionId ?? null, sessionCookie: cookie });
    expect(await signedIn.auth.session()).toMatchObject({ id: app.admin.id });
    expect(await signedIn.auth.signOut()).toEqual({ signedOut: true });
    expect(cookie.token).toBeNull();
    expect(await app.services.sessions.resolve(token)).toBeUndefined();
  });

  it('refuses a wrong password and an unknown email alike, with UNAUTHORIZED and no cookie', async () => {
    app = await createTestApp();
    const { cookie, caller } = browser(app);
    const wrong = await apiErrorOf(caller.auth.signIn({ email: 'admin@localhost', password: 'not the password' }));
    const unknown = await apiErrorOf(caller.auth.signIn({ email: 'nobody@example.com', password: 'not the password' }));
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', trpcCode: 'UNAUTHORIZED', message: 'Wrong email or password' });
    expect(unknown).toEqual(wrong);
    expect(cookie.token).toBeNull();
    expect(await apiErrorOf(caller.auth.signIn({ email: 'admin@localhost', password: '' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'password', message: 'Password is required' }],
    });
  });

  it('refuses a disabled user, and a disabled user’s session stops working at once', async () => {
    app = await createTestApp();
    const { user, password } = await app.createUser('developer');
    const { token } = await app.services.auth.signIn({ email: user.email, password });
    expect((await app.services.sessions.resolve(token))?.user.id).toBe(user.id);
    await app.caller.users.update({ id: user.id, disabled: true });
    expect(await app.services.sessions.resolve(token)).toBeUndefined();
    const { caller } = browser(app);
    expect(await apiErrorOf(caller.auth.signIn({ email: user.email, password }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('disabled') });
    // Enabled again, the user signs in anew (the old session stays ended).
    await app.caller.users.update({ id: user.id, disabled: false });
    expect(await app.services.sessions.resolve(token)).toBeUndefined();
    expect((await caller.auth.signIn({ email: user.email, password })).id).toBe(user.id);
  });

  it('a changed role applies to the next call of an existing session', async () => {
    app = await createTestApp();
    const { user, password } = await app.createUser('developer');
    const { token } = await app.services.auth.signIn({ email: user.email, password });
    await app.caller.users.update({ id: user.id, role: 'standard' });
    expect((await app.services.sessions.resolve(token))?.user.role).toBe('standard');
  });

  it('a new password ends the user’s sessions', async () => {
    app = await createTestApp();
    const { user, password } = await app.createUser('rest');
    const { token } = await app.services.auth.signIn({ email: user.email, password });
    await app.caller.users.update({ id: user.id, password: 'a brand new password' });
    expect(await app.services.sessions.resolve(token)).toBeUndefined();
    await expect(app.services.auth.signIn({ email: user.email, password })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await app.services.auth.signIn({ email: user.email, password: 'a brand new password' })).user.id).toBe(user.id);
  });
});

describe('session expiry', () => {
  it('ends a session left unused for 12 hours, and moves the expiry on while it is used', async () => {
    const clock = manualClock();
    app = await createTestApp({ now: clock.now });
    const { token } = await app.services.auth.signIn({ email: 'admin@localhost', password: testAdminPassword });
    clock.advance(sessionIdleMs - 60_000);
    expect(await app.services.sessions.resolve(token)).toBeDefined();
    // Used just now: another almost-12 hours are fine.
    clock.advance(sessionIdleMs - 60_000);
    expect(await app.services.sessions.resolve(token)).toBeDefined();
    clock.advance(sessionIdleMs);
    expect(await app.services.sessions.resolve(token)).toBeUndefined();
    expect(await app.sql.query('SELECT id FROM sessions')).toEqual([]);
  });

  it('ends a session 7 days after sign-in however much it is used', async () => {
    const clock = manualClock();
    app = await createTestApp({ now: clock.now });
    const { token } = await app.services.auth.signIn({ email: 'admin@localhost', password: testAdminPassword });
    let elapsed = 0;
    while (elapsed + sessionIdleMs / 2 < sessionMaxMs) {
      clock.advance(sessionIdleMs / 2);
      elapsed += sessionIdleMs / 2;
      expect(await app.services.sessions.resolve(token)).toBeDefined();
    }
    clock.advance(sessionMaxMs - elapsed);
    expect(await app.services.sessions.resolve(token)).toBeUndefined();
  });

  it('prunes ended sessions at start-up', async () => {
    const clock = manualClock();
    app = await createTestApp({ now: clock.now });
    await app.services.auth.signIn({ email: 'admin@localhost', password: testAdminPassword });
    clock.advance(sessionIdleMs + 1);
    expect(await app.services.sessions.prune()).toBe(1);
  });
});

describe('failed sign-in limit', () => {
  const attacker = '203.0.113.66';
  const office = '198.51.100.7';
  const guess = (email: string, from: string) => app?.services.auth.signIn({ email, password: 'guess' }, from);

  it('slows one account down from the address that keeps failing, with a growing wait, and never from another address', async () => {
    const clock = manualClock();
    app = await createTestApp({ now: clock.now });
    for (let i = 0; i < signInLimits.perAccountAndAddress; i += 1) {
      await expect(guess('admin@localhost', attacker)).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'Wrong email or password' });
    }
    // Past the free tries, even the right password waits, and says for how long.
    await expect(app.services.auth.signIn({ email: 'admin@localhost', password: testAdminPassword }, attacker)).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many failed sign-ins from your address; try again in 1 second',
      details: { retryAfterSeconds: 1 },
    });
    // The real admin, elsewhere, signs in at once.
    expect((await app.services.auth.signIn({ email: 'admin@localhost', password: testAdminPassword }, office)).user.id).toBe(app.admin.id);
    // Each further failure doubles the wait.
    clock.advance(1_000);
    await expect(guess('admin@localhost', attacker)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(guess('admin@localhost', attacker)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 2 } });
    clock.advance(2_000);
    await expect(guess('admin@localhost', attacker)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(guess('admin@localhost', attacker)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 4 } });
    // Waited out, the right password works from there too, and clears that account's count.
    clock.advance(4_000);
    expect((await app.services.auth.signIn({ email: 'admin@localhost', password: testAdminPassword }, attacker)).user.id).toBe(app.admin.id);
    await expect(guess('admin@localhost', attacker)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('slows an address that sprays guesses across many emails, and nobody else', async () => {
    const clock = manualClock();
    app = await createTestApp({ now: clock.now });
    const answers: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      answers.push((await apiErrorOf(app.callerAs(null).auth.signIn({ email: `user${i}@example.com`, password: 'Winter2030!' }))).code);
    }
    // In-process callers share one address: the first tries answer "wrong", then every one waits.
    expect(answers.slice(0, signInLimits.perAddress)).toEqual(Array<string>(signInLimits.perAddress).fill('UNAUTHORIZED'));
    expect(answers.slice(signInLimits.perAddress)).toEqual(Array<string>(50 - signInLimits.perAddress).fill('TOO_MANY_REQUESTS'));
    expect((await app.services.auth.signIn({ email: 'admin@localhost', password: testAdminPassword }, office)).user.id).toBe(app.admin.id);
    // A successful sign-in from the spraying address does not reset its count.
    clock.advance(signInLimits.firstDelayMs);
    const { user, password } = await app.createUser('standard');
    await expect(app.services.auth.signIn({ email: user.email, password })).resolves.toBeDefined();
    await expect(app.services.auth.signIn({ email: 'another@example.com', password: 'x' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(app.services.auth.signIn({ email: 'one-more@example.com', password: 'x' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // An hour without failures starts afresh.
    clock.advance(signInLimits.forgetAfterMs);
    await expect(app.services.auth.signIn({ email: 'later@example.com', password: 'x' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('keeps its table bounded while guesses come from ever new addresses', async () => {
    const clock = manualClock();
    app = await createTestApp({ now: clock.now });
    const limits = { ...signInLimits, maxEntries: 20 };
    const limiter = createSignInLimiter(app.store, clock.now, limits);
    for (let i = 0; i < limits.perAccountAndAddress; i += 1) await limiter.failed('admin@localhost', attacker);
    expect(await limiter.retryAfterSeconds('admin@localhost', attacker)).toBeGreaterThan(0);
    for (let i = 0; i < 60; i += 1) {
      clock.advance(1_000);
      await limiter.failed('admin@localhost', `10.0.0.${i}`);
    }
    // The sweep runs at most once a minute (or every thousand failures): it follows the next failure.
    clock.advance(60_000);
    await limiter.failed('admin@localhost', '10.0.1.1');
    expect((await app.sql.query('SELECT key FROM sign_in_failures')).length).toBeLessThanOrEqual(2 * limits.maxEntries);
    // The stalest counters made room.
    expect(await limiter.retryAfterSeconds('admin@localhost', attacker)).toBe(0);
  });

  it('counts failures on every instance sharing the database', async () => {
    const clock = manualClock();
    const database = await createTestDatabase();
    const first = await database.open();
    // Two stores on PostgreSQL are two instances; SQLite has one process.
    const second = database.dialect === 'postgres' ? await database.open() : first;
    onTestFinished(async () => {
      if (second !== first) await second.store.close();
      await first.store.close();
      await database.drop();
    });
    const [one, other] = [createSignInLimiter(first.store, clock.now), createSignInLimiter(second.store, clock.now)];
    for (let i = 0; i < signInLimits.perAccountAndAddress; i += 1) await (i % 2 === 0 ? one : other).failed('admin@localhost', attacker);
    expect(await one.retryAfterSeconds('admin@localhost', attacker)).toBeGreaterThan(0);
    expect(await other.retryAfterSeconds('admin@localhost', attacker)).toBeGreaterThan(0);
    await other.succeeded('admin@localhost', attacker);
    expect(await one.retryAfterSeconds('admin@localhost', attacker)).toBe(0);
  });

  it('counts an IPv6 client by its /64 network', () => {
    expect(addressGroup('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:DB8::1')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('192.0.2.1')).toBe('192.0.2.1');
  });
});
