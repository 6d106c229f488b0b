import type { FlowGraph } from '@flowyard/engine';
import { index, integer, json, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { endpoints } from './endpoints';
import { workflows } from './workflows';

/** PostgreSQL twin of `sqlite/schema/flows.ts` (see the comments there). */
export const flows = pgTable(
  'flows',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    graph: json('graph').$type<FlowGraph>().notNull(),
    version: integer('version').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('flows_workflow_idx').on(t.workflowId)],
);

export const endpointRefs = pgTable(
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
