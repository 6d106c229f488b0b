import { Client } from 'pg';
import { createPgTestDatabase, type PgTestDatabase } from './pg-test-database';

// Creating a database from the template and dropping it take about a second together, and the
// server's tests open some 500 apps: so a test process keeps the databases its tests have let go
// and hands them out again emptied, which takes a few milliseconds. dropTestDatabases() (run after
// each test file by the test set-up) drops them.
const idle: PgTestDatabase[] = [];
const created: PgTestDatabase[] = [];

/** A migrated database nobody else uses, with no rows in any table. */
export async function acquirePgTestDatabase(): Promise<PgTestDatabase> {
  const reused = idle.pop();
  if (reused !== undefined) {
    await emptyDatabase(reused.url);
    return reused;
  }
  const database = await createPgTestDatabase();
  created.push(database);
  return database;
}

/** Gives back a database from acquirePgTestDatabase; its stores must be closed. */
export function releasePgTestDatabase(database: PgTestDatabase): void {
  if (created.includes(database) && !idle.includes(database)) idle.push(database);
}

/** Drops every database this process created (after its tests, in afterAll). */
export async function dropTestDatabases(): Promise<void> {
  const all = created.splice(0);
  idle.length = 0;
  await Promise.all(all.map((database) => database.drop()));
}

async function emptyDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'flowyard-tests' });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>("SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'");
    if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')}`);
  } finally {
    await client.end();
  }
}
