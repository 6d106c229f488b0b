import { createTestDatabase, type TestStore } from '@flowyard/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunCredentials } from './run-credentials';

describe('run credentials', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  // Two stores on one database: two server instances (on SQLite, the same store twice).
  async function twoInstances(): Promise<[TestStore, TestStore]> {
    const database = await createTestDatabase();
    const a = await database.open();
    const b = database.dialect === 'postgres' ? await database.open() : a;
    cleanups.push(async () => {
      if (b !== a) await b.store.close();
      await a.store.close();
      await database.drop();
    });
    for (const id of ['u1', 'u2']) {
      await a.store.repos.users.insert({ id, name: id, email: `${id}@example.com`, role: 'admin', passwordHash: null, disabled: false, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: null });
    }
    return [a, b];
  }

  it('speak for their user and run on any instance until the run is revoked or they expire', async () => {
    const [a, b] = await twoInstances();
    let now = Date.parse('2024-01-01T00:00:00Z');
    const clock = { now: () => new Date(now), maxAgeMs: 1_000 };
    const worker = createRunCredentials(a.store, clock);
    const web = createRunCredentials(b.store, clock);
    const first = await worker.mint({ userId: 'u1', runId: 'r1' });
    const second = await worker.mint({ userId: 'u2', runId: 'r2' });
    expect(first).toMatch(/^fyr_[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(await web.verify(first)).toEqual({ userId: 'u1', runId: 'r1' });
    expect(await web.verify(`${first}x`)).toBeUndefined();
    expect(await web.verify('fy_looks-like-a-key')).toBeUndefined();

    // Only the hash is stored.
    const stored = await a.sql.query('SELECT token_hash FROM run_credentials');
    expect(JSON.stringify(stored)).not.toContain(first.slice(4, 20));

    await worker.revokeRun('r1');
    expect(await web.verify(first)).toBeUndefined();
    expect(await web.verify(second)).toEqual({ userId: 'u2', runId: 'r2' });

    now += 1_000;
    expect(await web.verify(second)).toBeUndefined();
    // Expired credentials are swept out when the next one is minted.
    now += 60_000;
    await worker.mint({ userId: 'u1', runId: 'r3' });
    expect(await a.sql.query('SELECT token_hash FROM run_credentials')).toHaveLength(1);
  });
});
