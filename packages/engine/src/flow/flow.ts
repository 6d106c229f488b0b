import { z } from 'zod';
import { runStatusSchema } from '../run/run-record';
import { flowGraphSchema } from './flow-graph';

export const flowNameSchema = z
  .string({ error: 'Flow name is required' })
  .trim()
  .min(1, 'Flow name is required')
  .max(100, 'Flow name must be at most 100 characters');

export const flowSummarySchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  name: z.string(),
  version: z.number().int(),
  /** Off: its HTTP triggers answer 404 `FLOW_DISABLED` and nothing runs. */
  enabled: z.boolean(),
  updatedAt: z.string(),
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

export const flowSchema = flowSummarySchema.extend({ graph: flowGraphSchema });
export type Flow = z.infer<typeof flowSchema>;

export const flowCreateSchema = z.object({ workflowId: z.string().min(1), name: flowNameSchema });
export const flowRenameSchema = z.object({ id: z.string().min(1), name: flowNameSchema });
/** `version` is the version the editor loaded; a stale save is refused rather than overwriting. */
export const flowSaveSchema = z.object({ id: z.string().min(1), version: z.number().int(), graph: flowGraphSchema });
export type FlowSaveInput = z.input<typeof flowSaveSchema>;

/** Turns a flow's HTTP triggers on or off; off, they answer 404 `FLOW_DISABLED` and nothing runs. */
export const flowSetEnabledSchema = z.object({ id: z.string().min(1), enabled: z.boolean() });

/** Copies a flow (its graph and notes) under a new name; without one, "Name (copy)". */
export const flowDuplicateSchema = z.object({ id: z.string().min(1), name: flowNameSchema.optional() });

/** The Flows list: one page of a workflow's flows by name, with a search. */
export const flowListSchema = z.object({
  workflowId: z.string().min(1),
  search: z.string().trim().max(100, 'Search at most 100 characters').default(''),
  cursor: z.string().max(1000).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type FlowListInput = z.input<typeof flowListSchema>;

export const flowLastRunSchema = z.object({ status: runStatusSchema, startedAt: z.string(), finishedAt: z.string().nullable() });
export type FlowLastRun = z.infer<typeof flowLastRunSchema>;

export const flowListItemSchema = flowSummarySchema.extend({ lastRun: flowLastRunSchema.nullable() });
export type FlowListItem = z.infer<typeof flowListItemSchema>;

/** `total`: the workflow's flows; `matching`: those the search matches; `nextCursor`: null on the last page. */
export interface FlowListPage {
  items: FlowListItem[];
  nextCursor: string | null;
  total: number;
  matching: number;
}

/** A kept version of a flow (every save keeps one; the newest 100 per flow by default). */
export const flowVersionSummarySchema = z.object({
  version: z.number().int(),
  savedAt: z.string(),
  savedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  summary: z.string(),
});
export type FlowVersionSummary = z.infer<typeof flowVersionSummarySchema>;
export const flowVersionSchema = flowVersionSummarySchema.extend({ graph: flowGraphSchema });
export type FlowVersion = z.infer<typeof flowVersionSchema>;

export const flowVersionsListSchema = z.object({
  id: z.string().min(1),
  /** The `version` of the last item of the previous page. */
  before: z.number().int().nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export const flowVersionGetSchema = z.object({ id: z.string().min(1), version: z.number().int() });
/** Restores `version` as a new version over `currentVersion` (the editor's), like a save. */
export const flowRestoreSchema = z.object({ id: z.string().min(1), version: z.number().int(), currentVersion: z.number().int() });
