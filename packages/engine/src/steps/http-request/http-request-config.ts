import { z } from 'zod';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export const httpMethodSchema = z.enum(httpMethods);
export type HttpMethod = z.infer<typeof httpMethodSchema>;

export const headerEntrySchema = z.object({
  name: z.string().trim().max(200),
  value: z.string().max(8192),
});

/**
 * HTTP Request step settings. A saved flow may hold a step that is not ready yet
 * (no endpoint chosen): the canvas shows a badge and the run refuses it.
 */
export const httpRequestConfigSchema = z.object({
  endpointId: z.string().min(1).nullable().default(null),
  method: httpMethodSchema.default('GET'),
  path: z.string().max(4096).default(''),
  headers: z.array(headerEntrySchema).max(100).default([]),
  body: z.string().max(1_000_000).default(''),
  autoEncodeURI: z.boolean().default(true),
  timeoutMs: z.number().int().min(100, 'Timeout must be at least 100 ms').max(300_000, 'Timeout must be at most 300000 ms').default(30_000),
});
export type HttpRequestConfig = z.infer<typeof httpRequestConfigSchema>;

export const httpRequestOutputs = ['status', 'headers', 'body'] as const;
