import { pgTable, text } from 'drizzle-orm/pg-core';

/** PostgreSQL twin of `sqlite/schema/workflows.ts`. */
export const workflows = pgTable('workflows', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});
