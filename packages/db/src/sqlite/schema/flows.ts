import type { FlowGraph } from '@flowyard/engine';
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { endpoints } from './endpoints';
import { workflows } from './workflows';

export const flows = sqliteTable(
  'flows',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    graph: text('graph', { mode: 'json' }).$type<FlowGraph>().notNull(),
    /** Bumped on every save; a save carrying an older version is refused (optimistic locking). */
    version: integer('version').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('flows_workflow_idx').on(t.workflowId)],
);

/**
 * The usage index: which step of which flow references which endpoint. Rewritten in the
 * same transaction as every flow save, so Usage never scans flow graphs. The endpoint
 * reference restricts deletion, a backstop for ENDPOINT_IN_USE.
 */
export const endpointRefs = sqliteTable(
  'endpoint_refs',
  {
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'restrict' }),
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    stepName: text('step_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.nodeId, t.endpointId] }), index('endpoint_refs_endpoint_idx').on(t.endpointId)],
);

export type FlowRow = typeof flows.$inferSelect;
export type EndpointRefRow = typeof endpointRefs.$inferSelect;
