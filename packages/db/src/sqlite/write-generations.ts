import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

/**
 * Per-table write counters for in-memory caches. The server is its database's only writer, so
 * a cache entry stamped with its table's generation is current exactly while the generation has
 * not moved. Every write statement through the client bumps the table it names and the tables
 * its rows cascade to (foreign keys with ON DELETE CASCADE / SET NULL, read from the schema).
 */
export interface WriteGenerations {
  /** The current generation of `table` (its SQL name). */
  of(table: string): number;
  /** Notes a statement a client call is about to run (`{ sql, args }`, a string or `[sql, args]`). */
  note(statement: unknown): void;
  /** Bumps every table (a migration, an interactive transaction: writes we cannot see). */
  bumpAll(): void;
}

function sqlOf(statement: unknown): string {
  if (typeof statement === 'string') return statement;
  if (Array.isArray(statement)) return typeof statement[0] === 'string' ? statement[0] : '';
  if (typeof statement === 'object' && statement !== null && 'sql' in statement && typeof statement.sql === 'string') return statement.sql;
  return '';
}

const writePattern = /^\s*(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+["`[]?(\w+)/i;
const schemaChange = /^\s*(?:create|drop|alter)\s/i;

/** Parent table → the tables whose rows go or change with its rows, transitively. */
function cascadeMap(): Map<string, string[]> {
  const direct = new Map<string, Set<string>>();
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const config = getTableConfig(value);
    for (const fk of config.foreignKeys) {
      const onDelete = fk.onDelete ?? 'no action';
      if (onDelete !== 'cascade' && onDelete !== 'set null' && onDelete !== 'set default') continue;
      const parent = getTableName(fk.reference().foreignTable);
      const children = direct.get(parent) ?? new Set<string>();
      children.add(config.name);
      direct.set(parent, children);
    }
  }
  const closure = new Map<string, string[]>();
  for (const parent of direct.keys()) {
    const seen = new Set<string>();
    const stack = [...(direct.get(parent) ?? [])];
    while (stack.length > 0) {
      const table = stack.pop() ?? '';
      if (seen.has(table)) continue;
      seen.add(table);
      stack.push(...(direct.get(table) ?? []));
    }
    closure.set(parent, [...seen]);
  }
  return closure;
}

export function createWriteGenerations(): WriteGenerations {
  const generations = new Map<string, number>();
  const cascades = cascadeMap();
  let everything = 0;

  const bump = (table: string): void => {
    generations.set(table, (generations.get(table) ?? 0) + 1);
    for (const child of cascades.get(table) ?? []) generations.set(child, (generations.get(child) ?? 0) + 1);
  };

  const note = (statement: unknown): void => {
    const sql = sqlOf(statement);
    const match = writePattern.exec(sql);
    if (match?.[1] !== undefined) bump(match[1].toLowerCase());
    else if (schemaChange.test(sql)) everything++;
  };

  return {
    of: (table) => everything + (generations.get(table) ?? 0),
    note,
    bumpAll() {
      everything++;
    },
  };
}
