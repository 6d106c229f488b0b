import { sql } from 'drizzle-orm';
import { boolean, index, json, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '../pg/schema';
import * as sqliteSchema from '../sqlite/schema';
import { schemaDifferences } from './schema-differences';
import { pgTableShapes, sqliteTableShapes, type TableShape } from './table-shape';

const sqliteShapes = sqliteTableShapes(sqliteSchema);
const pgShapes = pgTableShapes(pgSchema);

/** The differences once the PostgreSQL side of one table is replaced by `variant`. */
function differencesWith(variant: object): string[] {
  return schemaDifferences(sqliteShapes, { ...pgShapes, ...pgTableShapes(variant) });
}

/** The differences once `change` has altered a copy of the PostgreSQL shapes. */
function differencesAfter(change: (shapes: { [table: string]: TableShape }) => void): string[] {
  const altered = structuredClone(pgShapes);
  change(altered);
  return schemaDifferences(sqliteShapes, altered);
}

describe('the SQLite and PostgreSQL schemas', () => {
  it('have the same tables, columns, keys, defaults, foreign keys and indexes', () => {
    expect(schemaDifferences(sqliteShapes, pgShapes)).toEqual([]);
  });

  it('are described in full, index directions and partial indexes included', () => {
    expect(Object.keys(sqliteShapes).sort()).toEqual(Object.keys(pgShapes).sort());
    expect(Object.keys(sqliteShapes)).toHaveLength(24);
    expect(sqliteShapes.runs?.indexes.runs_flow_started_id_idx).toEqual({ columns: ['flow_id', 'started_at desc', 'id desc'], unique: false, where: null });
    expect(sqliteShapes.runs?.indexes.runs_running_idx?.where).toBe("runs.status = 'running'");
    expect(sqliteShapes.users?.columns.disabled).toEqual({ type: 'boolean', notNull: true, default: 'false', enumValues: null });
    expect(sqliteShapes.custom_step_refs?.foreignKeys.custom_step_id).toEqual({ references: 'custom_steps(id)', onDelete: 'restrict', onUpdate: 'no action' });
  });
});

describe('schemaDifferences reports drift', () => {
  it('in a column type class (json stored as text)', () => {
    const settings = pgTable('settings', { key: text('key').primaryKey(), value: text('value').notNull(), updatedAt: text('updated_at').notNull() });
    expect(differencesWith({ settings })).toEqual(['settings.columns.value.type: SQLite "json", PostgreSQL "text"']);
  });

  it('in nullability and defaults', () => {
    const settings = pgTable('settings', { key: text('key').primaryKey(), value: json('value').notNull(), updatedAt: text('updated_at').default('') });
    expect(differencesWith({ settings })).toEqual([
      'settings.columns.updated_at.default: SQLite null, PostgreSQL "\\"\\""',
      'settings.columns.updated_at.notNull: SQLite true, PostgreSQL false',
    ]);
  });

  it('in a foreign key, a column, an index direction and a partial index', () => {
    const sessions = pgTable(
      'sessions',
      {
        id: text('id').primaryKey(),
        userId: text('user_id')
          .notNull()
          .references(() => pgSchema.users.id, { onDelete: 'restrict' }),
        createdAt: text('created_at').notNull(),
        expiresAt: text('expires_at').notNull(),
        absoluteExpiresAt: text('absolute_expires_at').notNull(),
        revoked: boolean('revoked'),
      },
      (t) => [index('sessions_user_idx').on(t.userId).where(sql`${t.expiresAt} > ''`), index('sessions_expires_idx').on(t.expiresAt.desc())],
    );
    expect(differencesWith({ sessions })).toEqual([
      'sessions.columns.revoked: only in PostgreSQL',
      'sessions.foreignKeys.user_id.onDelete: SQLite "cascade", PostgreSQL "restrict"',
      'sessions.indexes.sessions_expires_idx.columns: SQLite ["expires_at"], PostgreSQL ["expires_at desc"]',
      `sessions.indexes.sessions_user_idx.where: SQLite null, PostgreSQL "sessions.expires_at > ''"`,
    ]);
  });

  it('in index column order, uniqueness, primary keys and missing tables', () => {
    expect(
      differencesAfter((shapes) => {
        const refs = shapes.endpoint_refs!;
        refs.primaryKey = ['flow_id', 'endpoint_id', 'node_id'];
        refs.indexes.endpoint_refs_endpoint_idx!.unique = true;
        shapes.endpoints!.indexes.endpoints_workflow_name_key_unique!.columns.reverse();
        delete shapes.settings;
      }),
    ).toEqual([
      'endpoint_refs.indexes.endpoint_refs_endpoint_idx.unique: SQLite false, PostgreSQL true',
      'endpoint_refs.primaryKey: SQLite ["flow_id","node_id","endpoint_id"], PostgreSQL ["flow_id","endpoint_id","node_id"]',
      'endpoints.indexes.endpoints_workflow_name_key_unique.columns: SQLite ["workflow_id","name_key"], PostgreSQL ["name_key","workflow_id"]',
      'settings: only in SQLite',
    ]);
  });

  it('refuses a column type it has not classified (e.g. a timestamp where SQLite keeps ISO text)', () => {
    const sessions = pgTable('sessions', { id: text('id').primaryKey(), expiresAt: timestamp('expires_at', { mode: 'string' }).notNull() });
    expect(() => pgTableShapes({ sessions })).toThrow('Column expires_at has type PgTimestampString');
  });
});
