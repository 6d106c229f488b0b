import { z } from 'zod';

/** A problem of an import file (or of its bindings) at a JSON path such as `flows[0].graph.nodes[2].data.config.endpointId`. */
export const importProblemSchema = z.object({ path: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** Export id → the existing endpoint (id) to use instead of creating one; null or absent creates it. */
export const importBindingsSchema = z.record(z.string(), z.string().min(1).nullable());
export type ImportBindings = z.infer<typeof importBindingsSchema>;

/** A record that arrives under another name because its name was taken (the collision policy). */
export const importRenameSchema = z.object({
  kind: z.enum(['flow', 'customStep', 'endpoint', 'integration']),
  /** Where it sits in the file. */
  path: z.string(),
  from: z.string(),
  to: z.string(),
});
export type ImportRename = z.infer<typeof importRenameSchema>;

/**
 * What an import writes (the preview: what it would write if every endpoint with a match
 * were bound to it). Constants and libraries already present with the same value are
 * `unchanged` and not written again.
 */
export const importSummarySchema = z.object({
  flows: z.number().int(),
  customSteps: z.number().int(),
  constants: z.number().int(),
  libraries: z.number().int(),
  integrations: z.number().int(),
  endpointsCreated: z.number().int(),
  endpointsBound: z.number().int(),
  renamed: z.array(importRenameSchema),
  unchanged: z.array(z.object({ kind: z.enum(['constant', 'library']), name: z.string() })),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** One endpoint of the file as the import dialog offers it: bind to the existing endpoint of the same name, or create. */
export const importEndpointChoiceSchema = z.object({
  exportId: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  /** The workflow's endpoint with the same name (case-insensitively), or null. */
  match: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ImportEndpointChoice = z.infer<typeof importEndpointChoiceSchema>;

/** `workflows.importPreview`: every problem (nothing is written), or the endpoints to bind and a summary. */
export const importPreviewResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(false), problems: z.array(importProblemSchema) }),
  z.object({ ok: z.literal(true), endpoints: z.array(importEndpointChoiceSchema), summary: importSummarySchema }),
]);
export type ImportPreviewResult = z.infer<typeof importPreviewResultSchema>;

/** `workflows.import`: what was written, with the new ids. */
export const importResultSchema = z.object({
  summary: importSummarySchema,
  endpoints: z.array(z.object({ exportId: z.string(), id: z.string(), name: z.string(), created: z.boolean() })),
  flows: z.array(z.object({ id: z.string(), name: z.string() })),
  customSteps: z.array(z.object({ exportId: z.string(), id: z.string(), name: z.string() })),
  /** Imported integrations; a URL-authenticated one gets a fresh token, answered here once (`tokenPath`: /inbound/<id>/<token>). */
  integrations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['inbound', 'outbound']), token: z.string().nullable(), tokenPath: z.string().nullable() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Inputs of `workflows.importPreview` and `workflows.import`: the file's JSON text (or the parsed object). */
export const importPreviewInputSchema = z.object({ workflowId: z.string().min(1), file: z.unknown() });
export const importInputSchema = importPreviewInputSchema.extend({ bindings: importBindingsSchema.default({}) });
