import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customSteps } from './custom-steps';
import { workflows } from './workflows';

/**
 * The script half of the endpoint usage index: which custom step's script names which
 * endpoint literally (`http.request({ endpoint: 'Name' })`, `http.authenticate('Name')`).
 * Keyed by the name, not an endpoint id, because scripts resolve endpoints by name when they
 * run: a script naming an endpoint that does not exist yet is indexed too. Rewritten in the
 * same batch as every custom step save, so Usage never parses scripts.
 */
export const scriptEndpointRefs = sqliteTable(
  'script_endpoint_refs',
  {
    customStepId: text('custom_step_id')
      .notNull()
      .references(() => customSteps.id, { onDelete: 'cascade' }),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    /** endpointNameKey(name): scripts find endpoints case-insensitively. */
    endpointNameKey: text('endpoint_name_key').notNull(),
    /** The name as the script writes it (its first occurrence). */
    endpointName: text('endpoint_name').notNull(),
    /** How many literals in the script name it. */
    occurrences: integer('occurrences').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customStepId, t.endpointNameKey] }),
    index('script_endpoint_refs_workflow_name_idx').on(t.workflowId, t.endpointNameKey),
  ],
);

export type ScriptEndpointRefRow = typeof scriptEndpointRefs.$inferSelect;
