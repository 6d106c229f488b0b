import { getTableColumns, getTableName, type Column, type Table } from 'drizzle-orm';
import type { InStatement, InValue } from '@libsql/client';

type Row = Record<string, unknown>;

const columnMaps = new WeakMap<Table, Map<string, Column>>();

/** Drizzle's own encoders (JSON columns, booleans) so rows land exactly as the ORM writes them. */
function columnsOf(table: Table): Map<string, Column> {
  let columns = columnMaps.get(table);
  if (columns === undefined) {
    columns = new Map(Object.entries(getTableColumns(table)));
    columnMaps.set(table, columns);
  }
  return columns;
}

function encode(column: Column, value: unknown): InValue {
  // JSON's own null in a column that must hold JSON (a run's payload may be `null`) is the text `null`.
  if (value === null && column.notNull && column.dataType === 'json') return 'null';
  if (value === null || value === undefined) return null;
  const mapped: unknown = column.mapToDriverValue(value);
  if (mapped === null || typeof mapped === 'string' || typeof mapped === 'number' || typeof mapped === 'bigint' || typeof mapped === 'boolean') return mapped;
  if (mapped instanceof Uint8Array || mapped instanceof ArrayBuffer || mapped instanceof Date) return mapped;
  throw new TypeError(`Column ${column.name} encoded to an unsupported value`);
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// Rows built by one function share their keys; group anyway so a different shape cannot misalign values.
function byShape<T extends Row>(rows: readonly T[], keysOf: (row: T) => string[]): Map<string, { keys: string[]; rows: T[] }> {
  const groups = new Map<string, { keys: string[]; rows: T[] }>();
  for (const row of rows) {
    const keys = keysOf(row);
    const shape = keys.join(',');
    const group = groups.get(shape) ?? { keys, rows: [] };
    group.rows.push(row);
    groups.set(shape, group);
  }
  return groups;
}

function definedKeys(row: Row): string[] {
  return Object.keys(row).filter((key) => row[key] !== undefined);
}

/** One statement's text per table and row shape, built once: the writer keeps each prepared. */
const sqlCache = new Map<string, string>();

function cachedSql(key: string, build: () => string): string {
  let sql = sqlCache.get(key);
  if (sql === undefined) {
    sql = build();
    sqlCache.set(key, sql);
  }
  return sql;
}

function columnsFor(table: Table, keys: readonly string[]): Column[] {
  const columns = columnsOf(table);
  return keys.map((key) => {
    const column = columns.get(key);
    if (column === undefined) throw new TypeError(`${getTableName(table)} has no column for "${key}"`);
    return column;
  });
}

/**
 * INSERTs of whole rows (keys are the table's property names, as drizzle rows have them), one
 * statement per row with the same text for rows of one shape, so the statement is prepared once
 * for good; with `conflictKey`, an existing row with that primary key takes every value but the
 * `upsertExcept` keys.
 */
export function insertStatements(table: Table, rows: readonly Row[], options: { conflictKey?: string; upsertExcept?: readonly string[] } = {}): InStatement[] {
  const name = getTableName(table);
  const statements: InStatement[] = [];
  for (const { keys, rows: group } of byShape(rows, definedKeys).values()) {
    const cols = columnsFor(table, keys);
    const sql = cachedSql(`insert ${name} ${keys.join(',')} ${options.conflictKey ?? ''} ${options.upsertExcept?.join(',') ?? ''}`, () => {
      let tail = '';
      if (options.conflictKey !== undefined) {
        const [conflict] = columnsFor(table, [options.conflictKey]);
        const except = new Set([options.conflictKey, ...(options.upsertExcept ?? [])]);
        const updates = cols.filter((_, i) => !except.has(keys[i] ?? '')).map((column) => `${quote(column.name)} = excluded.${quote(column.name)}`);
        tail = updates.length > 0 ? ` ON CONFLICT (${quote(conflict?.name ?? '')}) DO UPDATE SET ${updates.join(', ')}` : ` ON CONFLICT (${quote(conflict?.name ?? '')}) DO NOTHING`;
      }
      return `INSERT INTO ${quote(name)} (${cols.map((c) => quote(c.name)).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})${tail}`;
    });
    for (const row of group) statements.push({ sql, args: cols.map((column, i) => encode(column, row[keys[i] ?? ''])) });
  }
  return statements;
}

/** UPDATEs, one statement per item with the same text for items of one shape: the given columns of the row whose `key` column equals `id`. */
export function updateStatements(table: Table, key: string, items: readonly { id: string; set: Row }[]): InStatement[] {
  const name = getTableName(table);
  const [keyColumn] = columnsFor(table, [key]);
  const statements: InStatement[] = [];
  for (const { keys, rows: group } of byShape(items, (item) => definedKeys(item.set)).values()) {
    if (keys.length === 0) continue;
    const cols = columnsFor(table, keys);
    const sql = cachedSql(`update ${name} ${key} ${keys.join(',')}`, () => `UPDATE ${quote(name)} SET ${cols.map((column) => `${quote(column.name)} = ?`).join(', ')} WHERE ${quote(keyColumn?.name ?? key)} = ?`);
    for (const item of group) statements.push({ sql, args: [...cols.map((column, i) => encode(column, item.set[keys[i] ?? ''])), item.id] });
  }
  return statements;
}

/**
 * A prepared-once INSERT of whole rows of `table` (every column, absent values as their default or NULL): the
 * statement text and each column's encoder are worked out once, so a row costs only its values.
 * With `conflictKey`, an existing row with that key takes every value but the `upsertExcept` keys.
 */
export function rowInserter<T extends Row>(table: Table, options: { conflictKey?: string; upsertExcept?: readonly string[] } = {}): (row: T) => InStatement {
  const keys = [...columnsOf(table).keys()];
  const [statement] = insertStatements(table, [Object.fromEntries(keys.map((key) => [key, null]))], options);
  const sql = typeof statement === 'string' ? statement : (statement?.sql ?? '');
  const columns = columnsFor(table, keys);
  // An absent value takes the column's default (a run row written without its attempt is attempt 1).
  return (row) => ({
    sql,
    args: columns.map((column, i) => {
      const value = row[keys[i] ?? ''];
      return encode(column, value === undefined && column.hasDefault ? column.default : value);
    }),
  });
}
