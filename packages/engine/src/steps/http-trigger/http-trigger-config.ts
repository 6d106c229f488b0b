import { z } from 'zod';
import { jsonSchema } from '../../run/run-record';
import { roles, roleSchema } from '../../users/role';

/**
 * HTTP trigger settings (SPEC §6): which roles' API keys may start the flow through its URL.
 * A caller whose role is not listed gets 403 and nothing runs.
 */
export const httpTriggerConfigSchema = z.object({
  allowedRoles: z
    .array(roleSchema)
    .max(roles.length)
    .default([...roles])
    .transform((list) => roles.filter((role) => list.includes(role))),
});
export type HttpTriggerConfig = z.infer<typeof httpTriggerConfigSchema>;

export const httpTriggerOutputs = ['body', 'headers', 'query'] as const;

/**
 * What a call to the trigger's URL hands the run: the body (parsed JSON, form fields, or text;
 * null when there is none), the request headers (lower-case names, credentials removed) and the
 * query parameters (a repeated one as a list).
 */
export const httpTriggerPayloadSchema = z.object({
  body: jsonSchema,
  headers: z.record(z.string(), z.string()),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});
export type HttpTriggerPayload = z.infer<typeof httpTriggerPayloadSchema>;

/** The query parameter that makes the caller wait for the run; it is not passed to the flow. */
export const httpTriggerWaitParam = 'wait';

/** The path of a trigger's URL, under the server's public URL. */
export function httpTriggerPath(flowId: string, nodeId: string): string {
  return `/hooks/${encodeURIComponent(flowId)}/${encodeURIComponent(nodeId)}`;
}

/** The URL callers POST to (GET with a query works too). */
export function httpTriggerUrl(publicUrl: string, flowId: string, nodeId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${httpTriggerPath(flowId, nodeId)}`;
}

/** An example `curl` call for the trigger's settings panel; the key is a placeholder. */
export function httpTriggerCurl(publicUrl: string, flowId: string, nodeId: string): string {
  return [
    `curl -X POST '${httpTriggerUrl(publicUrl, flowId, nodeId)}?wait=true' \\`,
    `  -H 'Authorization: Bearer fy_YOUR_API_KEY' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"hello": "world"}'`,
  ].join('\n');
}
