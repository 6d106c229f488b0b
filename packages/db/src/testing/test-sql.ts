import type { Client } from '@libsql/client';
import type { Pool } from 'pg';

/** Raw SQL for tests' set-up and assertions, the same on either dialect. */
export interface TestSql {
  /**
   * Runs one statement and gives its rows as plain objects. Parameters are `?` on either dialect;
   * values come back as the driver gives them (SQLite: JSON as text, booleans as 0/1).
   */
  query(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

/** A libsql client's TestSql: its own statements go through it, so write generations see them. */
export function sqliteTestSql(client: Client): TestSql {
  return {
    async query(text, params = []) {
      const result = await client.execute({ sql: text, args: params.map(sqliteValue) });
      // libsql's rows are array-likes with named columns; tests want plain objects.
      return result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i]])));
    },
  };
}

function sqliteValue(value: unknown): string | number | bigint | null | Uint8Array {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || value instanceof Uint8Array) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return JSON.stringify(value);
}

/** A pool's TestSql: through the store's own pool, so its write generations see what is written. */
export function pgTestSql(pool: Pool): TestSql {
  return {
    async query(text, params = []) {
      const result = await pool.query(numberedPlaceholders(text), params.map(pgValue));
      return result.rows;
    },
  };
}

function pgValue(value: unknown): unknown {
  if (value === undefined) return null;
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) ? JSON.stringify(value) : value;
}

/** `text` with its `?` placeholders numbered `$1`, `$2`, … as PostgreSQL wants them (none inside quotes). */
export function numberedPlaceholders(text: string): string {
  let n = 0;
  let quoted = false;
  let out = '';
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    out += char === '?' && !quoted ? `$${++n}` : char;
  }
  return out;
}
