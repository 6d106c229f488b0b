import type { Json } from '@flowyard/engine';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Server-wide settings an admin changes at run time (e.g. `run-retention`), one JSON value per key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<Json>().notNull(),
  updatedAt: text('updated_at').notNull(),
});

export type SettingRow = typeof settings.$inferSelect;
