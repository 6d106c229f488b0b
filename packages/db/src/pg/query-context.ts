import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Orm } from '../repos/query-context';
import type { Tables } from '../tables';
import * as schema from './schema';

/**
 * A PostgreSQL drizzle handle and the pg tables, as repositories see them: typed as the SQLite
 * ones. This is the one cast between the dialects, and it is sound for what repositories may do:
 * drizzle's query builders have the same API in both dialects for the part repositories use (the
 * boundary test keeps them to it), the two schemas have the same tables, columns and row types
 * (contract/row-types.test.ts, contract/schema-drift.test.ts), and the store contract suite runs
 * every repository method on PostgreSQL.
 */
export function pgQueryHandles<Schema extends Record<string, unknown>>(orm: NodePgDatabase<Schema>): { orm: Orm; t: Tables } {
  return { orm: orm as unknown as Orm, t: schema as unknown as Tables };
}
