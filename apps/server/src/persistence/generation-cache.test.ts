import type { Store } from '@flowyard/db';
import { openTestStore, type TestSql } from '@flowyard/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGenerationCache } from './generation-cache';

let store: Store;
let sql: TestSql;
beforeEach(async () => {
  ({ store, sql } = await openTestStore());
  await store.repos.workflows.insert({ id: 'w1', name: 'Default' });
});
afterEach(() => store.close());

describe('the generation cache', () => {
  it('serves a value until its table is written, then reads again', async () => {
    let loads = 0;
    const cache = createGenerationCache(store.generations, ['workflows'], async (id: string) => {
      loads++;
      const [row] = await sql.query('SELECT name FROM workflows WHERE id = ?', [id]);
      return String(row?.name);
    });
    expect(await cache.get('w1')).toBe('Default');
    expect(await cache.get('w1')).toBe('Default');
    expect(loads).toBe(1);
    await sql.query("UPDATE workflows SET name = 'Renamed' WHERE id = 'w1'");
    expect(await cache.get('w1')).toBe('Renamed');
    expect(loads).toBe(2);
    // Writes elsewhere leave it alone.
    await sql.query("INSERT INTO users (id, name, email, role, created_at) VALUES ('u', 'U', 'u@x', 'admin', 'x')");
    expect(await cache.get('w1')).toBe('Renamed');
    expect(loads).toBe(2);
  });

  it('shares one load between concurrent misses and keeps no failure', async () => {
    let loads = 0;
    let fail = true;
    const cache = createGenerationCache(store.generations, ['workflows'], async (key: string) => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw new Error(`no ${key}`);
      return key;
    });
    const both = [cache.get('a'), cache.get('a')];
    await expect(Promise.all(both)).rejects.toThrow('no a');
    expect(loads).toBe(1);
    fail = false;
    expect(await cache.get('a')).toBe('a');
    expect(loads).toBe(2);
  });

  it('a read that raced a write is stale at once (its generation was taken before reading)', async () => {
    let release: () => void = () => undefined;
    let loads = 0;
    const cache = createGenerationCache(store.generations, ['workflows'], async () => {
      loads++;
      const name = String((await sql.query("SELECT name FROM workflows WHERE id = 'w1'"))[0]?.name);
      if (loads === 1) await new Promise<void>((r) => (release = r));
      return name;
    });
    const first = cache.get('w1');
    await new Promise((r) => setTimeout(r, 5));
    await sql.query("UPDATE workflows SET name = 'New' WHERE id = 'w1'");
    release();
    expect(await first).toBe('Default');
    expect(await cache.get('w1')).toBe('New');
  });

  it('keeps at most maxEntries keys, dropping the oldest', async () => {
    let loads = 0;
    const cache = createGenerationCache(store.generations, ['workflows'], async (key: number) => {
      loads++;
      return key;
    }, 2);
    await cache.get(1);
    await cache.get(2);
    await cache.get(3);
    await cache.get(3);
    await cache.get(2);
    expect(loads).toBe(3);
    await cache.get(1);
    expect(loads).toBe(4);
  });
});
