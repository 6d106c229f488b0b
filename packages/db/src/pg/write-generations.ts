import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { cascadeMap, createWriteGenerations, type ForeignKeyEdge, type TrackedGenerations } from '../write-generations';
import * as schema from './schema';

/** The channel committed writes are announced on, to every store on the database. */
export const tablesChannel = 'flowyard_tables';

// Run records are written many times a second and nothing caches them: they are never announced.
// Nor is the state instances share by reading it from the database each time (run credentials,
// shared tokens, sign-in counters): a notice would make every store's caches work for nothing.
const unannounced = new Set(['runs', 'run_steps', 'run_credentials', 'endpoint_tokens', 'sign_in_failures']);

// NOTIFY payloads must stay under 8000 bytes; a list that would not fits as "everything".
const maxPayload = 7000;

/** Write generations of a PostgreSQL store (counters and cascades as on SQLite, from the pg schema). */
export function pgWriteGenerations(): TrackedGenerations {
  const edges: ForeignKeyEdge[] = Object.values(schema)
    .filter((value) => is(value, PgTable))
    .flatMap((table) => {
      const config = getTableConfig(table);
      return config.foreignKeys.map((fk) => ({ child: config.name, parent: getTableName(fk.reference().foreignTable), onDelete: fk.onDelete ?? 'no action' }));
    });
  return createWriteGenerations(cascadeMap(edges));
}

/** What one store tells the others: the tables a committed transaction wrote (or all of them), and who wrote them. */
export interface TablesNotice {
  tables: string[] | 'all';
  from: string;
}

/**
 * Announces, inside the transaction on `client` and so only if it commits, the tables it wrote
 * (run records aside); nothing when there are none.
 */
export async function announceTables(client: { query(text: string, values: unknown[]): Promise<unknown> }, tables: Iterable<string>, from: string): Promise<void> {
  const announced = [...tables].filter((table) => !unannounced.has(table)).sort();
  if (announced.length === 0) return;
  let payload = JSON.stringify({ tables: announced, from });
  if (payload.length > maxPayload) payload = JSON.stringify({ tables: 'all', from });
  await client.query('SELECT pg_notify($1, $2)', [tablesChannel, payload]);
}

/** The notice in a notification's payload; undefined when it is not one. */
export function parseTablesNotice(payload: string | undefined): TablesNotice | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload ?? '');
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || !('from' in value) || typeof value.from !== 'string' || !('tables' in value)) return undefined;
  const { tables, from } = value;
  if (tables === 'all') return { tables, from };
  if (Array.isArray(tables) && tables.every((table): table is string => typeof table === 'string')) return { tables, from };
  return undefined;
}
