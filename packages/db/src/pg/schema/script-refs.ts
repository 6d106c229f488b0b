import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { customSteps } from './custom-steps';
import { workflows } from './workflows';

/** PostgreSQL twin of `sqlite/schema/script-refs.ts` (see the comments there). */
export const scriptEndpointRefs = pgTable(
  'script_endpoint_refs',
  {
    customStepId: text('custom_step_id')
      .notNull()
      .references(() => customSteps.id, { onDelete: 'cascade' }),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    endpointNameKey: text('endpoint_name_key').notNull(),
    endpointName: text('endpoint_name').notNull(),
    occurrences: integer('occurrences').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customStepId, t.endpointNameKey] }),
    index('script_endpoint_refs_workflow_name_idx').on(t.workflowId, t.endpointNameKey),
  ],
);
