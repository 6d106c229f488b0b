import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import { resolveMigrationsFolder } from '../migrations-folder';
import { withAdvisoryLock } from './advisory-lock';
import * as schema from './schema';
import { createWithPgClient, type WithPgClient } from './with-pg-client';

export type PgSchema = typeof schema;
export type PgOrm = NodePgDatabase<PgSchema>;

export interface FlowyardPg {
  orm: PgOrm;
  /** The connection pool `orm` queries through; a queue library can share it. */
  pool: Pool;
  /** Borrows one connection from `pool` for work that needs a single session (see with-pg-client.ts). */
  withPgClient: WithPgClient;
  /** Ends the pool once the connections lent out are back. */
  close(): Promise<void>;
}

export interface OpenPgOptions {
  /** Overrides where the migrations are read from (default: `migrations/pg`, see resolveMigrationsFolder). */
  migrationsFolder?: string;
  /** Most connections the pool opens at once (default 10). */
  maxConnections?: number;
  /** Shown in pg_stat_activity beside each connection (default `flowyard`). */
  applicationName?: string;
  /**
   * Told when an idle pooled connection fails (e.g. the server restarted). The pool has already
   * dropped it and the next query opens a new one, so the default only keeps the process alive.
   */
  onIdleError?: (error: Error) => void;
}

/**
 * Opens a pool on the PostgreSQL database at `url` (`postgres://…`), applies the committed
 * migrations under an advisory lock (instances starting together migrate once; the others wait
 * and find nothing left to do) and returns the drizzle handle.
 */
export async function openPg(url: string, options: OpenPgOptions = {}): Promise<FlowyardPg> {
  const pool = new Pool({ connectionString: url, max: options.maxConnections ?? 10, application_name: options.applicationName ?? 'flowyard' });
  pool.on('error', options.onIdleError ?? (() => undefined));
  const withPgClient = createWithPgClient(pool);
  try {
    const migrationsFolder = resolveMigrationsFolder(options.migrationsFolder, 'pg');
    await withPgClient((client) => withAdvisoryLock(client, 'migrate', () => migrate(drizzle({ client }), { migrationsFolder })));
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { orm: drizzle({ client: pool, schema }), pool, withPgClient, close: () => pool.end() };
}
