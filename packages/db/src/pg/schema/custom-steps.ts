import type { CustomStepBody } from '@flowyard/engine';
import { index, integer, json, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { flows } from './flows';
import { workflows } from './workflows';

/** PostgreSQL twin of `sqlite/schema/custom-steps.ts` (see the comments there). */
export const customSteps = pgTable(
  'custom_steps',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    definition: json('definition').$type<CustomStepBody>().notNull(),
    scriptIndexVersion: integer('script_index_version').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('custom_steps_workflow_name_key_unique').on(t.workflowId, t.nameKey)],
);

export const customStepRefs = pgTable(
  'custom_step_refs',
  {
    customStepId: text('custom_step_id')
      .notNull()
      .references(() => customSteps.id, { onDelete: 'restrict' }),
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    stepName: text('step_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.nodeId] }), index('custom_step_refs_custom_step_idx').on(t.customStepId)],
);
