import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { workflows } from './workflows';

/** Workflow constants, read by scripts as `constants['Name']`. */
export const constants = sqliteTable(
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

/** Shared libraries: CommonJS sources scripts load with `require('<name>')`. */
export const libraries = sqliteTable(
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

export type ConstantRow = typeof constants.$inferSelect;
export type LibraryRow = typeof libraries.$inferSelect;
