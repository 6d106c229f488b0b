import { getTableColumns, getTableName, type Column, type Table } from 'drizzle-orm';
import type { InStatement, InValue } from '@libsql/client';

// SQLite allows 32766 variables per statement; chunks stay far below it.
const rowsPerStatement = 100;

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
  if (value === null || value === undefined) return null;
  const mapped: unknown = column.mapToDriverValue(value);
  if (mapped === null || typeof mapped === 'string' || typeof mapped === 'number' || typeof mapped === 'bigint' || typeof mapped === 'boolean') return mapped;
  if (mapped instanceof Uint8Array || mapped instanceof ArrayBuffer || mapped instanceof Date) return mapped;
  throw new TypeError(`Column ${column.name} encoded to an unsupported value`);
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += rowsPerStatement) out.push(items.slice(i, i + rowsPerStatement));
  return out;
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

/**
 * Multi-row INSERTs of whole rows (keys are the table's property names, as drizzle rows have
 * them); with `upsertExcept`, an existing row with the same primary key `conflictKey` takes every
 * value but the listed keys.
 */
export function insertStatements(table: Table, rows: readonly Row[], options: { conflictKey?: string; upsertExcept?: readonly string[] } = {}): InStatement[] {
  const columns = columnsOf(table);
  const statements: InStatement[] = [];
  for (const { keys, rows: group } of byShape(rows, definedKeys).values()) {
    const cols = keys.map((key) => {
      const column = columns.get(key);
      if (column === undefined) throw new TypeError(`${getTableName(table)} has no column for "${key}"`);
      return column;
    });
    const head = `INSERT INTO ${quote(getTableName(table))} (${cols.map((c) => quote(c.name)).join(', ')}) VALUES `;
    const tuple = `(${cols.map(() => '?').join(', ')})`;
    let tail = '';
    if (options.conflictKey !== undefined) {
      const conflict = columns.get(options.conflictKey);
      if (conflict === undefined) throw new TypeError(`${getTableName(table)} has no column for "${options.conflictKey}"`);
      const except = new Set([options.conflictKey, ...(options.upsertExcept ?? [])]);
      const updates = keys.filter((key) => !except.has(key)).map((key) => `${quote(columns.get(key)?.name ?? key)} = excluded.${quote(columns.get(key)?.name ?? key)}`);
      tail = updates.length > 0 ? ` ON CONFLICT (${quote(conflict.name)}) DO UPDATE SET ${updates.join(', ')}` : ` ON CONFLICT (${quote(conflict.name)}) DO NOTHING`;
    }
    for (const chunk of chunks(group)) {
      const args: InValue[] = [];
      for (const row of chunk) cols.forEach((column, i) => args.push(encode(column, row[keys[i] ?? ''])));
      statements.push({ sql: head + chunk.map(() => tuple).join(', ') + tail, args });
    }
  }
  return statements;
}

/**
 * UPDATEs of many rows in one statement each (`UPDATE … FROM (VALUES …)`): every item sets the
 * given columns of the row whose `key` column equals `id`.
 */
export function updateStatements(table: Table, key: string, items: readonly { id: string; set: Row }[]): InStatement[] {
  const columns = columnsOf(table);
  const keyColumn = columns.get(key);
  if (keyColumn === undefined) throw new TypeError(`${getTableName(table)} has no column for "${key}"`);
  const name = quote(getTableName(table));
  const statements: InStatement[] = [];
  for (const { keys, rows: group } of byShape(items, (item) => definedKeys(item.set)).values()) {
    if (keys.length === 0) continue;
    const cols = keys.map((k) => {
      const column = columns.get(k);
      if (column === undefined) throw new TypeError(`${getTableName(table)} has no column for "${k}"`);
      return column;
    });
    const assignments = cols.map((column, i) => `${quote(column.name)} = v.column${i + 2}`).join(', ');
    const tuple = `(${['?', ...cols.map(() => '?')].join(', ')})`;
    for (const chunk of chunks(group)) {
      const args: InValue[] = [];
      for (const item of chunk) {
        args.push(item.id);
        cols.forEach((column, i) => args.push(encode(column, item.set[keys[i] ?? ''])));
      }
      statements.push({
        sql: `UPDATE ${name} SET ${assignments} FROM (VALUES ${chunk.map(() => tuple).join(', ')}) AS v WHERE ${name}.${quote(keyColumn.name)} = v.column1`,
        args,
      });
    }
  }
  return statements;
}
