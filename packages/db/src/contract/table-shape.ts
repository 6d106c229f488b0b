import { Column, getTableName, is, SQL } from 'drizzle-orm';
import { getTableConfig as getPgTableConfig, IndexedColumn, PgDialect, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as getSqliteTableConfig, SQLiteSyncDialect, SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * What a repository relies on in a table, in terms both dialects share, so the SQLite and the
 * PostgreSQL schema can be compared (schema-drift.test.ts). Plain data: two equal shapes
 * stringify alike.
 */
export interface TableShape {
  columns: { [name: string]: ColumnShape };
  primaryKey: string[];
  /** Unique constraints (not indexes), by their columns. */
  unique: string[][];
  /** Keyed by the referencing columns. */
  foreignKeys: { [columns: string]: { references: string; onDelete: string; onUpdate: string } };
  indexes: { [name: string]: { columns: string[]; unique: boolean; where: string | null } };
}

export interface ColumnShape {
  type: TypeClass;
  notNull: boolean;
  /** JSON of the default value; null when the column has none. */
  default: string | null;
  enumValues: string[] | null;
}

/** A column's logical type: what values it holds and gives back, whatever each dialect calls it. */
export type TypeClass = 'text' | 'json' | 'boolean' | 'integer' | 'real';

// Only the column types the schemas use, each with its class. A column of another type fails
// the comparison until it is placed here, so no type joins the schemas unexamined.
const typeClasses: { [columnType: string]: TypeClass } = {
  SQLiteText: 'text',
  SQLiteTextJson: 'json',
  SQLiteBoolean: 'boolean',
  SQLiteInteger: 'integer',
  SQLiteReal: 'real',
  PgText: 'text',
  PgJson: 'json',
  PgJsonb: 'json',
  PgBoolean: 'boolean',
  PgInteger: 'integer',
  PgBigInt53: 'integer',
  PgDoublePrecision: 'real',
};

type TableConfig = ReturnType<typeof getSqliteTableConfig> | ReturnType<typeof getPgTableConfig>;
type Render = (sql: SQL, forIndex: boolean) => string;

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

/** The shape of every SQLite table among a schema module's exports, by table name. */
export function sqliteTableShapes(schema: object): { [table: string]: TableShape } {
  const render: Render = (sql, forIndex) => sqliteDialect.sqlToQuery(sql, forIndex ? 'indexes' : undefined).sql;
  return shapes(Object.values(schema).filter((value): value is SQLiteTable => is(value, SQLiteTable)).map(getSqliteTableConfig), render);
}

/** The shape of every PostgreSQL table among a schema module's exports, by table name. */
export function pgTableShapes(schema: object): { [table: string]: TableShape } {
  const render: Render = (sql, forIndex) => pgDialect.sqlToQuery(sql, forIndex ? 'indexes' : undefined).sql;
  return shapes(Object.values(schema).filter((value): value is PgTable => is(value, PgTable)).map(getPgTableConfig), render);
}

function shapes(configs: TableConfig[], render: Render): { [table: string]: TableShape } {
  return Object.fromEntries(configs.map((config) => [config.name, tableShape(config, render)]));
}

function tableShape(config: TableConfig, render: Render): TableShape {
  const primaryColumns = config.columns.filter((column) => column.primary).map((column) => column.name);
  return {
    columns: Object.fromEntries(config.columns.map((column) => [column.name, columnShape(column, render)])),
    primaryKey: primaryColumns.length > 0 ? primaryColumns : (config.primaryKeys[0]?.columns.map((column) => column.name) ?? []),
    unique: [
      ...config.columns.filter((column) => column.isUnique).map((column) => [column.name]),
      ...config.uniqueConstraints.map((constraint) => constraint.columns.map((column) => column.name)),
    ],
    foreignKeys: Object.fromEntries(
      config.foreignKeys.map((foreignKey) => {
        const reference = foreignKey.reference();
        const target = `${getTableName(reference.foreignTable)}(${reference.foreignColumns.map((column) => column.name).join(', ')})`;
        return [
          reference.columns.map((column) => column.name).join(', '),
          // Unset means the SQL default, NO ACTION, in both dialects.
          { references: target, onDelete: foreignKey.onDelete ?? 'no action', onUpdate: foreignKey.onUpdate ?? 'no action' },
        ];
      }),
    ),
    indexes: Object.fromEntries(
      config.indexes.map((index) => [
        index.config.name,
        {
          columns: index.config.columns.map((column) => indexColumn(column, render)),
          unique: index.config.unique,
          where: index.config.where ? normalise(render(index.config.where, false)) : null,
        },
      ]),
    ),
  };
}

function columnShape(column: Column, render: Render): ColumnShape {
  const type = typeClasses[column.columnType];
  if (!type) throw new Error(`Column ${column.name} has type ${column.columnType}, which table-shape.ts does not classify yet`);
  const defaultValue = column.default === undefined ? null : is(column.default, SQL) ? normalise(render(column.default, false)) : JSON.stringify(column.default);
  return { type, notNull: column.notNull, default: defaultValue, enumValues: column.enumValues ?? null };
}

/** `name` or `name desc`: the column and its direction, however the schema wrote them. */
function indexColumn(column: unknown, render: Render): string {
  if (is(column, IndexedColumn)) return `${column.name}${column.indexConfig.order === 'desc' ? ' desc' : ''}`;
  if (is(column, Column)) return column.name;
  if (is(column, SQL)) return normalise(render(column, true));
  throw new Error(`An index column of an unknown kind: ${String(column)}`);
}

/** Dialect spelling aside: no identifier quotes, one case, single spaces. */
function normalise(sql: string): string {
  return sql.replaceAll('"', '').replace(/\s+/g, ' ').trim().toLowerCase();
}
