import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { resolveMigrationsFolder } from '../migrations-folder';
import { withAdvisoryLock } from '../pg/advisory-lock';
import { openPg } from '../pg/open';

// The server this machine runs trusts local connections for the roles `postgres` and `root`;
// FLOWYARD_TEST_PG_URL points elsewhere (its database is used only to create and drop others).
const adminUrls = (): string[] => {
  const configured = process.env.FLOWYARD_TEST_PG_URL;
  return configured ? [configured] : ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://postgres@127.0.0.1:5432/test'];
};

const testPrefix = 'flowyard_test_';
const templatePrefix = 'flowyard_template_';
/** A test database left behind by a run that was killed is dropped by a run this much later. */
const abandonedAfterMs = 24 * 60 * 60 * 1000;

export interface PgTestDatabase {
  name: string;
  /** Connection URL of the database, for openPg or a pg client. */
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

export interface PgTestDatabaseOptions {
  /**
   * true (default): a copy of a template database with every migration applied, which takes a
   * CREATE DATABASE … TEMPLATE instead of running the migrations; false: an empty database.
   */
  migrated?: boolean;
}

/**
 * Creates a database of its own for a test file or run; call `drop()` afterwards (in afterAll,
 * which runs when tests fail too).
 */
export async function createPgTestDatabase(options: PgTestDatabaseOptions = {}): Promise<PgTestDatabase> {
  return withAdminClient(async (admin, adminUrl) => {
    await dropAbandoned(admin);
    const name = `${testPrefix}${Date.now()}_${process.pid}_${randomBytes(3).toString('hex')}`;
    const template = options.migrated === false ? undefined : await ensureTemplate(admin, adminUrl);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}${template ? ` TEMPLATE ${admin.escapeIdentifier(template)}` : ''}`);
    return { name, url: databaseUrl(adminUrl, name), drop: () => withAdminClient((client) => dropDatabase(client, name)) };
  });
}

async function withAdminClient<T>(work: (admin: Client, adminUrl: string) => Promise<T>): Promise<T> {
  const failures: string[] = [];
  for (const url of adminUrls()) {
    const admin = new Client({ connectionString: url, application_name: 'flowyard-tests' });
    try {
      await admin.connect();
    } catch (error) {
      failures.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
      await admin.end().catch(() => undefined);
      continue;
    }
    try {
      return await work(admin, url);
    } finally {
      await admin.end();
    }
  }
  throw new Error(
    `No PostgreSQL for the tests (${failures.join('; ')}). Start it with ` +
      '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` or set FLOWYARD_TEST_PG_URL.',
  );
}

/**
 * The migrated template for the committed migrations, built once by whichever test process gets
 * there first (the others wait on the lock, then find it). Its name carries a hash of the
 * migrations, so a branch with other migrations builds its own instead of using a stale one.
 */
async function ensureTemplate(admin: Client, adminUrl: string): Promise<string> {
  const name = `${templatePrefix}${migrationsHash()}`;
  return withAdvisoryLock(admin, 'testTemplate', async () => {
    if (await databaseExists(admin, name)) return name;
    // Built under another name and renamed when complete, so a run killed half way never leaves
    // a template that looks finished.
    const building = `${name}_building`;
    await dropDatabase(admin, building);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(building)}`);
    const db = await openPg(databaseUrl(adminUrl, building), { maxConnections: 1 });
    await db.close();
    await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(building)} RENAME TO ${admin.escapeIdentifier(name)}`);
    // A connection to a template makes every copy of it fail; nobody needs one.
    await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(name)} ALLOW_CONNECTIONS false`);
    return name;
  });
}

function migrationsHash(): string {
  const folder = resolveMigrationsFolder(undefined, 'pg');
  const hash = createHash('sha256');
  for (const file of ['meta/_journal.json', ...readdirSync(folder).filter((f) => f.endsWith('.sql')).sort()]) {
    hash.update(file).update(readFileSync(join(folder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function databaseExists(admin: Client, name: string): Promise<boolean> {
  const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return found.rowCount === 1;
}

async function dropDatabase(admin: Client, name: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
}

/** Drops test databases whose run died before dropping them (their name starts with the time). */
async function dropAbandoned(admin: Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [testPrefix]);
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(testPrefix.length).split('_')[0]);
    if (Date.now() - createdAt > abandonedAfterMs) await dropDatabase(admin, datname);
  }
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
