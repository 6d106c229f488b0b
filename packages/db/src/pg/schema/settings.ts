import type { Json } from '@flowyard/engine';
import { json, pgTable, text } from 'drizzle-orm/pg-core';

/** PostgreSQL twin of `sqlite/schema/settings.ts`. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: json('value').$type<Json>().notNull(),
  updatedAt: text('updated_at').notNull(),
});
