import type { WriteGenerations } from './store';

/** Write generations as a store keeps them: bumped by what it sees written. */
export interface TrackedGenerations extends WriteGenerations {
  /** Notes a statement that was run (`{ sql, args }`, a string or `[sql, args]`): bumps the table it writes, if any. */
  note(statement: unknown): void;
  /** Bumps these tables (and the tables their deletes cascade to). */
  bump(tables: Iterable<string>): void;
  /** Bumps every table (a migration, a lost notification: writes we cannot see). */
  bumpAll(): void;
}

const writePattern = /^\s*(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+["`[]?(\w+)/i;
const schemaChange = /^\s*(?:create|drop|alter|truncate)\s/i;

function sqlOf(statement: unknown): string {
  if (typeof statement === 'string') return statement;
  if (Array.isArray(statement)) return typeof statement[0] === 'string' ? statement[0] : '';
  if (typeof statement === 'object' && statement !== null) {
    if ('sql' in statement && typeof statement.sql === 'string') return statement.sql;
    if ('text' in statement && typeof statement.text === 'string') return statement.text;
  }
  return '';
}

/** The table a write statement writes (its SQL name, lower case); undefined for reads. */
export function writtenTable(statement: unknown): string | undefined {
  return writePattern.exec(sqlOf(statement))?.[1]?.toLowerCase();
}

/** A foreign key as the schema declares it: the referencing and the referenced table, and what a delete does. */
export interface ForeignKeyEdge {
  child: string;
  parent: string;
  onDelete: string;
}

/** Parent table → the tables whose rows go or change with its rows (ON DELETE CASCADE / SET NULL / SET DEFAULT), transitively. */
export function cascadeMap(edges: readonly ForeignKeyEdge[]): Map<string, string[]> {
  const direct = new Map<string, Set<string>>();
  for (const { child, parent, onDelete } of edges) {
    if (onDelete !== 'cascade' && onDelete !== 'set null' && onDelete !== 'set default') continue;
    const children = direct.get(parent) ?? new Set<string>();
    children.add(child);
    direct.set(parent, children);
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

/**
 * Per-table write counters (see WriteGenerations). A write bumps the table it names and the
 * tables its rows cascade to; a schema change moves everything.
 */
export function createWriteGenerations(cascades: ReadonlyMap<string, readonly string[]>): TrackedGenerations {
  const generations = new Map<string, number>();
  let everything = 0;

  const bumpOne = (table: string): void => {
    generations.set(table, (generations.get(table) ?? 0) + 1);
    for (const child of cascades.get(table) ?? []) generations.set(child, (generations.get(child) ?? 0) + 1);
  };

  return {
    of: (table) => everything + (generations.get(table) ?? 0),
    note(statement) {
      const table = writtenTable(statement);
      if (table !== undefined) bumpOne(table);
      else if (schemaChange.test(sqlOf(statement))) everything++;
    },
    bump(tables) {
      for (const table of tables) bumpOne(table);
    },
    bumpAll() {
      everything++;
    },
  };
}
