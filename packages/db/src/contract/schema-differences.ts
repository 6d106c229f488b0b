import type { TableShape } from './table-shape';

type Shapes = { [table: string]: TableShape };

/**
 * Every place where the SQLite and the PostgreSQL tables differ, one line each, named by its path
 * (e.g. `runs.columns.payload.type: SQLite "json", PostgreSQL "text"`); empty when they agree.
 */
export function schemaDifferences(sqlite: Shapes, pg: Shapes): string[] {
  const differences: string[] = [];
  compare(sqlite, pg, '', differences);
  return differences;
}

function compare(sqlite: unknown, pg: unknown, path: string, differences: string[]): void {
  if (isRecord(sqlite) && isRecord(pg)) {
    for (const key of [...new Set([...Object.keys(sqlite), ...Object.keys(pg)])].sort()) {
      const inner = path ? `${path}.${key}` : key;
      if (!(key in pg)) differences.push(`${inner}: only in SQLite`);
      else if (!(key in sqlite)) differences.push(`${inner}: only in PostgreSQL`);
      else compare(sqlite[key], pg[key], inner, differences);
    }
    return;
  }
  const [a, b] = [JSON.stringify(sqlite), JSON.stringify(pg)];
  if (a !== b) differences.push(`${path}: SQLite ${a}, PostgreSQL ${b}`);
}

function isRecord(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
