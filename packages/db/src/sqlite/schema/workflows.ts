import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The container of flows and endpoints (SPEC §1); a fresh install has "Default". */
export const workflows = sqliteTable('workflows', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

export type WorkflowRow = typeof workflows.$inferSelect;
