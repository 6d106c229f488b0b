import type { CustomStepDefinition } from '../custom-step/custom-step';
import type { FlowGraph } from '../flow/flow-graph';
import type { IntegrationBody } from '../integration/integration';
import { builtinEndpointExportId, exportFormat, exportVersion, type ExportFile } from './export-file';
import { remapFlowGraph } from './remap-graph';

/** What an export is built from. Endpoints contribute only their name and base URL, never auth. */
export interface ExportSource {
  workflowName: string;
  exportedAt: Date;
  /** `builtIn`: the workflow's Flowyard endpoint, written as `builtinEndpointExportId` where steps use it. */
  endpoints: readonly { id: string; name: string; baseUrl: string; builtIn: boolean }[];
  customSteps: readonly CustomStepDefinition[];
  flows: readonly { name: string; graph: FlowGraph }[];
  constants: readonly { name: string; value: string }[];
  libraries: readonly { name: string; source: string }[];
  /** Integrations as defined (no tokens: the definition holds none); `flows` names an outbound trigger's flow. */
  integrations?: readonly IntegrationBody[];
  /** Flow id → name, for outbound triggers of one flow. */
  flowNames?: ReadonlyMap<string, string>;
}

const byName = <T>(name: (item: T) => string) => (a: T, b: T): number => name(a).localeCompare(name(b), 'en');

/**
 * The export file of a workflow (SPEC §8). Every endpoint is written with "No Authorization"
 * and Trust self-signed off: this function never sees credentials, so none can leak into
 * the file. Ids become export ids, which flow steps keep referring to.
 */
export function buildExportFile(source: ExportSource): ExportFile {
  const ids = {
    endpoints: new Map(source.endpoints.map((endpoint) => [endpoint.id, endpoint.builtIn ? builtinEndpointExportId : endpoint.id])),
    customSteps: new Map(source.customSteps.map((step) => [step.id, step.id])),
  };
  return {
    format: exportFormat,
    version: exportVersion,
    exportedAt: source.exportedAt.toISOString(),
    workflow: { name: source.workflowName },
    endpoints: source.endpoints
      .filter((endpoint) => !endpoint.builtIn)
      .sort(byName((e) => e.name))
      .map((endpoint) => ({ exportId: endpoint.id, name: endpoint.name, baseUrl: endpoint.baseUrl, trustSelfSigned: false, auth: { type: 'none' } })),
    customSteps: [...source.customSteps].sort(byName((s) => s.name)).map(({ id, ...step }) => ({ exportId: id, step: structuredClone(step) })),
    flows: [...source.flows].sort(byName((f) => f.name)).map((flow) => ({ name: flow.name, graph: remapFlowGraph(structuredClone(flow.graph), ids) })),
    constants: [...source.constants].sort(byName((c) => c.name)).map((c) => ({ name: c.name, value: c.value })),
    libraries: [...source.libraries].sort(byName((l) => l.name)).map((l) => ({ name: l.name, source: l.source })),
    integrations: [...(source.integrations ?? [])].sort(byName((i) => i.name)).map((body) => {
      if (body.kind === 'inbound') return { integration: structuredClone(body), flowName: null };
      const flowName = body.trigger.flowId === null ? null : (source.flowNames?.get(body.trigger.flowId) ?? null);
      return { integration: { ...structuredClone(body), trigger: { ...body.trigger, flowId: null } }, flowName };
    }),
  };
}
