import { createPgTestDatabase } from '@flowyard/db/testing';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppStore } from './compose';

describe('openAppStore', () => {
  it('keeps SQLite in the data folder without FLOWYARD_DATABASE_URL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowyard-compose-'));
    try {
      const store = await openAppStore({ dataDir, databaseUrl: undefined, dbSynchronous: 'normal' });
      expect(store.dialect).toBe('sqlite');
      await store.repos.workflows.insert({ id: 'w1', name: 'Default' });
      await store.close();
      expect(existsSync(join(dataDir, 'flowyard.db'))).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('opens the PostgreSQL database FLOWYARD_DATABASE_URL names, and nothing in the data folder', async () => {
    const database = await createPgTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'flowyard-compose-'));
    try {
      const store = await openAppStore({ dataDir, databaseUrl: database.url, dbSynchronous: 'normal' });
      expect(store.dialect).toBe('postgres');
      await store.repos.workflows.insert({ id: 'w1', name: 'Default' });
      expect(await store.repos.workflows.list()).toEqual([{ id: 'w1', name: 'Default' }]);
      await store.close();
      expect(existsSync(join(dataDir, 'flowyard.db'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  });
});
