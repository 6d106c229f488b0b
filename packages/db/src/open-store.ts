import type { RunAdmission, Store } from './store';

export interface OpenStoreOptions {
  /** SQLite: `synchronous` for a file database (see sqlite/open.ts; default `normal`). */
  synchronous?: 'normal' | 'full';
  /** PostgreSQL: most connections the pool opens at once (default 10). */
  maxConnections?: number;
  /** PostgreSQL: shown in pg_stat_activity beside each connection (default `flowyard`). */
  applicationName?: string;
  /** PostgreSQL: how a batch of run records hands new runs to the job queue (see RunRecordBatch.admit). */
  runAdmission?: RunAdmission;
}

/** Whether `url` names a PostgreSQL database (`postgres://…` or `postgresql://…`). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

/**
 * Opens the store at `url`, applying the committed migrations: PostgreSQL for a `postgres://`
 * URL, SQLite otherwise (`file:…`, `:memory:`). The one place the dialect is chosen; each
 * dialect's code (and driver) loads only when it is.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(url)) {
    const { openPgStore } = await import('./pg');
    return openPgStore(url, {
      ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
      ...(options.applicationName === undefined ? {} : { applicationName: options.applicationName }),
      ...(options.runAdmission === undefined ? {} : { runAdmission: options.runAdmission }),
    });
  }
  const { openSqliteStore } = await import('./sqlite');
  return openSqliteStore(url, options.synchronous === undefined ? {} : { synchronous: options.synchronous });
}
