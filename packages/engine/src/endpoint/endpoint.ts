import { z } from 'zod';
import { authInputSchema, authViewSchema, type ResolvedAuth } from './auth';
import { baseUrlSchema } from './base-url';
import { endpointNameSchema } from './endpoint-name';

export const endpointCreateSchema = z.object({
  workflowId: z.string().min(1),
  name: endpointNameSchema,
  baseUrl: baseUrlSchema,
  trustSelfSigned: z.boolean().default(false),
  auth: authInputSchema,
});
export type EndpointCreateInput = z.input<typeof endpointCreateSchema>;
export type EndpointCreate = z.output<typeof endpointCreateSchema>;

/**
 * Update carries the same auth type as the stored one; a different type is AUTH_TYPE_IMMUTABLE,
 * except while the endpoint needs credentials (imported): its first save chooses the type.
 * `updateScripts`: when the name changes, also rewrite the custom step scripts that name the
 * endpoint literally (see `endpoints.renameImpact`), in the same transaction.
 */
export const endpointUpdateSchema = endpointCreateSchema.omit({ workflowId: true }).extend({
  id: z.string().min(1),
  updateScripts: z.boolean().default(false),
});
export type EndpointUpdateInput = z.input<typeof endpointUpdateSchema>;
export type EndpointUpdate = z.output<typeof endpointUpdateSchema>;

export const endpointViewSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  trustSelfSigned: z.boolean(),
  auth: authViewSchema,
  /** Created by an import without credentials; cleared by the next save (which may choose the auth type). */
  needsCredentials: z.boolean(),
  /** The workflow's Flowyard endpoint (SPEC §2): listed first, cannot be renamed or deleted, base URL fixed. */
  builtIn: z.boolean(),
  /** How many flow steps and custom step scripts reference it; the Usage tab shows when > 0. */
  usageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EndpointView = z.infer<typeof endpointViewSchema>;

/** A flow step that holds the endpoint's id. */
export const endpointStepUsageSchema = z.object({
  kind: z.literal('step'),
  flowId: z.string(),
  flowName: z.string(),
  nodeId: z.string(),
  stepName: z.string(),
});
export type EndpointStepUsage = z.infer<typeof endpointStepUsageSchema>;

/** A custom step whose script names the endpoint literally (`http.request({ endpoint: 'Name' })`). */
export const endpointScriptUsageSchema = z.object({
  kind: z.literal('script'),
  customStepId: z.string(),
  customStepName: z.string(),
  /** How many literals in the script name it. */
  occurrences: z.number().int(),
});
export type EndpointScriptUsage = z.infer<typeof endpointScriptUsageSchema>;

/** An integration (SPEC §10) whose script names the endpoint literally. */
export const endpointIntegrationUsageSchema = z.object({
  kind: z.literal('integration'),
  integrationId: z.string(),
  integrationName: z.string(),
  /** How many literals in the script name it. */
  occurrences: z.number().int(),
});
export type EndpointIntegrationUsage = z.infer<typeof endpointIntegrationUsageSchema>;

/** One place an endpoint is used: flow steps first (by flow and step name), then custom step scripts (by step name), then integrations (by name). */
export const endpointUsageSchema = z.discriminatedUnion('kind', [endpointStepUsageSchema, endpointScriptUsageSchema, endpointIntegrationUsageSchema]);
export type EndpointUsage = z.infer<typeof endpointUsageSchema>;

/** A page of a Usage list (`endpoints.usage`): one cursor walks the kinds in order (steps, then scripts, …). */
export const usageListSchema = z.object({
  id: z.string().min(1),
  cursor: z.string().max(4000).nullish(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type UsageListInput = z.input<typeof usageListSchema>;

/** `total` uses, `counts` by kind (`{ step: 10000, script: 2 }`); `nextCursor` null on the last page. */
export interface UsagePage<Item> {
  items: Item[];
  nextCursor: string | null;
  total: number;
  counts: Record<string, number>;
}
export type EndpointUsagePage = UsagePage<EndpointUsage>;

/** How many uses a refused delete carries (`details.usage`); `details.total` and `details.counts` say how many there are. */
export const refusedDeleteSample = 5;

/** `endpoints.renameImpact`: the scripts that name the endpoint literally and would need the new name. */
export const endpointRenameImpactSchema = z.object({
  /** False when the new name is the same name (ignoring case): scripts keep working. */
  renamed: z.boolean(),
  scripts: z.array(endpointScriptUsageSchema),
  /** Integrations whose scripts name it (rewritten with the custom step scripts). */
  integrations: z.array(endpointIntegrationUsageSchema),
});
export type EndpointRenameImpact = z.infer<typeof endpointRenameImpactSchema>;

/** An endpoint as the engine needs it to make a request. */
export interface ResolvedEndpoint {
  id: string;
  name: string;
  baseUrl: string;
  trustSelfSigned: boolean;
  auth: ResolvedAuth;
}

/** Finds a workflow's endpoints for a run; undefined when there is no such endpoint. */
export interface EndpointResolver {
  /** By id, as steps hold them. */
  get(id: string): Promise<ResolvedEndpoint | undefined>;
  /** By name, compared case-insensitively (names are unique that way), as scripts name them. */
  getByName(name: string): Promise<ResolvedEndpoint | undefined>;
}
