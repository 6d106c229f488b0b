import { z } from 'zod';
import { customStepBodySchema } from '../custom-step/custom-step';
import { baseUrlSchema } from '../endpoint/base-url';
import { endpointNameSchema } from '../endpoint/endpoint-name';
import { flowNameSchema } from '../flow/flow';
import { flowGraphSchema } from '../flow/flow-graph';
import { integrationBodySchema } from '../integration/integration';
import { constantNameSchema } from '../workflow/constant';
import { libraryNameSchema } from '../workflow/library';

/** The `format` every export file carries (SPEC §8). */
export const exportFormat = 'flowyard-workflow';
/** The file version this Flowyard writes and reads. */
export const exportVersion = 1;
/** Import refuses larger files (counted in UTF-8 bytes of the JSON text). */
export const maxExportFileBytes = 4 * 1024 * 1024;

/**
 * What flow steps of a file hold where they use the built-in Flowyard endpoint (SPEC §2): it is
 * not in `endpoints`, because every install has its own; import binds it to the importing
 * workflow's built-in endpoint.
 */
export const builtinEndpointExportId = 'flowyard:builtin';

/**
 * Ties flow steps to the endpoints and custom steps of the same file; import gives every
 * record a new id and rebinds the references. Export uses the records' ids.
 */
const exportIdSchema = z.string({ error: 'Export id is required' }).min(1, 'Export id is required').max(200, 'Export id must be at most 200 characters');

/**
 * An endpoint as exported: no authentication of any kind and Trust self-signed off (SPEC §8).
 * Import refuses anything else rather than bringing credentials or trust in through a file.
 */
export const exportedEndpointSchema = z.strictObject(
  {
    exportId: exportIdSchema.refine((id) => id !== builtinEndpointExportId, `"${builtinEndpointExportId}" stands for the built-in Flowyard endpoint and cannot name another one`),
    name: endpointNameSchema,
    baseUrl: baseUrlSchema,
    trustSelfSigned: z.literal(false, { error: 'Exported endpoints never trust self-signed certificates; turn it on after importing' }).default(false),
    auth: z.strictObject(
      { type: z.literal('none', { error: 'Exported endpoints carry no authentication ("none"); enter credentials after importing' }) },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? `Exported endpoints carry no credentials: remove ${issue.keys.map((k) => `"${k}"`).join(', ')}` : 'Authentication must be { "type": "none" }') },
    ),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown endpoint field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : 'An endpoint must be an object') },
);
export type ExportedEndpoint = z.output<typeof exportedEndpointSchema>;

export const exportedCustomStepSchema = z.object({ exportId: exportIdSchema, step: customStepBodySchema });
export type ExportedCustomStep = z.output<typeof exportedCustomStepSchema>;

/** Flow graphs hold endpoint and custom step export ids where a stored flow holds ids. */
export const exportedFlowSchema = z.object({ name: flowNameSchema, graph: flowGraphSchema });
export type ExportedFlow = z.output<typeof exportedFlowSchema>;

export const exportedConstantSchema = z.object({
  name: constantNameSchema,
  value: z.string({ error: 'Value must be text' }).max(100_000, 'Value must be at most 100000 characters'),
});
export const exportedLibrarySchema = z.object({
  name: libraryNameSchema,
  source: z.string({ error: 'Source must be text' }).max(500_000, 'Source must be at most 500000 characters'),
});

/**
 * An integration as exported (SPEC §10): its script, trigger and authentication method, never a
 * URL token or key. An outbound integration listening to one flow names it in `flowName` (ids
 * are not exported; `trigger.flowId` is null in a file).
 */
export const exportedIntegrationSchema = z
  .object({
    integration: integrationBodySchema,
    flowName: flowNameSchema.nullable().default(null),
  })
  .superRefine((exported, ctx) => {
    if (exported.integration.kind === 'outbound' && exported.integration.trigger.flowId !== null) {
      ctx.addIssue({ code: 'custom', path: ['integration', 'trigger', 'flowId'], message: 'A file names the flow in "flowName"; trigger.flowId must be null' });
    }
    if (exported.flowName !== null && exported.integration.kind !== 'outbound') {
      ctx.addIssue({ code: 'custom', path: ['flowName'], message: 'Only an outbound integration names a flow' });
    }
  });
export type ExportedIntegration = z.output<typeof exportedIntegrationSchema>;

/** One workflow as a JSON file (SPEC §8): `{ format, version, exportedAt, workflow, endpoints, customSteps, flows, constants, libraries, integrations }`. */
export const exportFileSchema = z.object({
  format: z.literal(exportFormat, { error: `This is not a Flowyard workflow export (format must be "${exportFormat}")` }),
  version: z.literal(exportVersion, { error: `This Flowyard reads export version ${exportVersion} only` }),
  exportedAt: z.string().max(100).default(''),
  workflow: z.object({ name: z.string().max(200) }),
  endpoints: z.array(exportedEndpointSchema).max(1000, 'A file holds at most 1000 endpoints').default([]),
  customSteps: z.array(exportedCustomStepSchema).max(1000, 'A file holds at most 1000 custom steps').default([]),
  flows: z.array(exportedFlowSchema).max(1000, 'A file holds at most 1000 flows').default([]),
  constants: z.array(exportedConstantSchema).max(1000, 'A file holds at most 1000 constants').default([]),
  libraries: z.array(exportedLibrarySchema).max(200, 'A file holds at most 200 libraries').default([]),
  integrations: z.array(exportedIntegrationSchema).max(1000, 'A file holds at most 1000 integrations').default([]),
});
export type ExportFile = z.output<typeof exportFileSchema>;
export type ExportFileInput = z.input<typeof exportFileSchema>;
