import { Client } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPgTestDatabase, type PgTestDatabase } from './pg-test-database';

const created: PgTestDatabase[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((database) => database.drop()));
});

async function create(...args: Parameters<typeof createPgTestDatabase>): Promise<PgTestDatabase> {
  const database = await createPgTestDatabase(...args);
  created.push(database);
  return database;
}

async function query<Row extends object>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const adminUrl = process.env.FLOWYARD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseNamed = async (name: string): Promise<boolean> =>
  (await query(adminUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length === 1;
const tableCount = async (url: string): Promise<number> =>
  (await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'"))[0]?.n ?? -1;

describe('createPgTestDatabase', () => {
  it('gives each caller a database of its own, migrated from the template', async () => {
    const [a, b] = await Promise.all([create(), create()]);
    expect(a.name).not.toBe(b.name);
    expect(await tableCount(a.url)).toBeGreaterThan(10);
    await query(a.url, "INSERT INTO workflows (id, name) VALUES ('w1', 'Default')");
    expect(await query(b.url, 'SELECT * FROM workflows')).toEqual([]);
  });

  it('gives an empty database when asked', async () => {
    const database = await create({ migrated: false });
    expect(await tableCount(database.url)).toBe(0);
  });

  it('drops the database even while a connection to it is still open', async () => {
    const database = await createPgTestDatabase();
    const forgotten = new Client({ connectionString: database.url });
    forgotten.on('error', () => undefined);
    await forgotten.connect();
    await database.drop();
    expect(await databaseNamed(database.name)).toBe(false);
    await forgotten.end().catch(() => undefined);
  });

  it('drops test databases a killed run left behind a day ago, not recent ones', async () => {
    const twoDaysAgo = Date.now() - 2 * 24 * 60 * 60 * 1000;
    const abandoned = `flowyard_test_${twoDaysAgo}_1_abcdef`;
    const recent = `flowyard_test_${Date.now()}_1_abcdef`;
    await query(adminUrl, `CREATE DATABASE ${abandoned}`);
    await query(adminUrl, `CREATE DATABASE ${recent}`);
    try {
      await create({ migrated: false });
      expect(await databaseNamed(abandoned)).toBe(false);
      expect(await databaseNamed(recent)).toBe(true);
    } finally {
      await query(adminUrl, `DROP DATABASE IF EXISTS ${abandoned}`);
      await query(adminUrl, `DROP DATABASE IF EXISTS ${recent}`);
    }
    // Four CREATE/DROP DATABASE round trips: seconds each on a busy machine.
  }, 30_000);

  it('connects as FLOWYARD_TEST_PG_URL says', async () => {
    const saved = process.env.FLOWYARD_TEST_PG_URL;
    process.env.FLOWYARD_TEST_PG_URL = 'postgres://root@127.0.0.1:5432/test';
    try {
      const database = await create({ migrated: false });
      expect(database.url).toBe(`postgres://root@127.0.0.1:5432/${database.name}`);
      const [owner] = await query<{ owner: string }>(database.url, 'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()');
      expect(owner?.owner).toBe('root');
    } finally {
      if (saved === undefined) delete process.env.FLOWYARD_TEST_PG_URL;
      else process.env.FLOWYARD_TEST_PG_URL = saved;
    }
  });
});
