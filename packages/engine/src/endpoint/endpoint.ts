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

/** Update carries the same auth type as the stored one; a different type is AUTH_TYPE_IMMUTABLE. */
export const endpointUpdateSchema = endpointCreateSchema.omit({ workflowId: true }).extend({
  id: z.string().min(1),
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
  /** How many steps reference it; the Usage tab shows when > 0. */
  usageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EndpointView = z.infer<typeof endpointViewSchema>;

/** One place an endpoint is used: a step of a flow. */
export const endpointUsageSchema = z.object({
  flowId: z.string(),
  flowName: z.string(),
  nodeId: z.string(),
  stepName: z.string(),
});
export type EndpointUsage = z.infer<typeof endpointUsageSchema>;

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
