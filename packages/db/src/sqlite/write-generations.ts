import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { cascadeMap, createWriteGenerations, type ForeignKeyEdge, type TrackedGenerations } from '../write-generations';
import * as schema from './schema';

/**
 * Write generations of a SQLite store. The server is its database's only writer, so what its
 * connections run is every write there is: each statement through the client (tracked-client.ts)
 * and the writer thread bumps the table it names and the tables its rows cascade to (foreign keys
 * read from the schema).
 */
export function sqliteWriteGenerations(): TrackedGenerations {
  const edges: ForeignKeyEdge[] = Object.values(schema)
    .filter((value) => is(value, SQLiteTable))
    .flatMap((table) => {
      const config = getTableConfig(table);
      return config.foreignKeys.map((fk) => ({ child: config.name, parent: getTableName(fk.reference().foreignTable), onDelete: fk.onDelete ?? 'no action' }));
    });
  return createWriteGenerations(cascadeMap(edges));
}
