import type { FlowGraph } from '@flowyard/engine';
import { boolean, index, integer, json, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
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
    enabled: boolean('enabled').notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('flows_workflow_idx').on(t.workflowId), index('flows_workflow_name_idx').on(t.workflowId, t.name, t.id)],
);

export const flowVersions = pgTable(
  'flow_versions',
  {
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    graph: json('graph').$type<FlowGraph>().notNull(),
    savedAt: text('saved_at').notNull(),
    savedById: text('saved_by_id'),
    savedByName: text('saved_by_name').notNull(),
    summary: text('summary').notNull(),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.version] })],
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
