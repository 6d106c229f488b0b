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
    /** Off: its HTTP triggers answer 404 FLOW_DISABLED and nothing runs (the Run button still works). */
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // The Flows list pages by keyset on (name, id) within a workflow.
  (t) => [index('flows_workflow_idx').on(t.workflowId), index('flows_workflow_name_idx').on(t.workflowId, t.name, t.id)],
);

/**
 * Every save of a flow keeps its graph as a version (who, when, what changed), so the History
 * panel can show and restore one. Retention keeps the newest N per flow (flows service).
 */
export const flowVersions = sqliteTable(
  'flow_versions',
  {
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    graph: text('graph', { mode: 'json' }).$type<FlowGraph>().notNull(),
    savedAt: text('saved_at').notNull(),
    /** Null when the saver is gone or unknown (import, system); the name is kept as it was. */
    savedById: text('saved_by_id'),
    savedByName: text('saved_by_name').notNull(),
    summary: text('summary').notNull(),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.version] })],
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
export type FlowVersionRow = typeof flowVersions.$inferSelect;
export type EndpointRefRow = typeof endpointRefs.$inferSelect;
