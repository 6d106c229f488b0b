import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { workflows } from './workflows';

/** PostgreSQL twin of `sqlite/schema/scripting.ts` (see the comments there). */
export const constants = pgTable(
  'constants',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    value: text('value').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('constants_workflow_name_key_unique').on(t.workflowId, t.nameKey)],
);

export const libraries = pgTable(
  'libraries',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    source: text('source').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('libraries_workflow_name_key_unique').on(t.workflowId, t.nameKey)],
);
