import type { CustomStepBody } from '@flowyard/engine';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { flows } from './flows';
import { workflows } from './workflows';

/** Custom step definitions (SPEC §1); flows hold their id, so editing one updates every use. */
export const customSteps = sqliteTable(
  'custom_steps',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Names are unique per workflow, case-insensitively, enforced by the index below. */
    nameKey: text('name_key').notNull(),
    definition: text('definition', { mode: 'json' }).$type<CustomStepBody>().notNull(),
    /**
     * The script-reference parser version that indexed this step's script (script_endpoint_refs);
     * steps saved before the index existed (0) are indexed when the server starts.
     */
    scriptIndexVersion: integer('script_index_version').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('custom_steps_workflow_name_key_unique').on(t.workflowId, t.nameKey)],
);

/**
 * Which step of which flow is an instance of which custom step: rewritten with every flow
 * save, like endpoint_refs. The restrict is a backstop for the "in use" refusal.
 */
export const customStepRefs = sqliteTable(
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

export type CustomStepRow = typeof customSteps.$inferSelect;
export type CustomStepRefRow = typeof customStepRefs.$inferSelect;
