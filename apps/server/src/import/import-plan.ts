import {
  builtinEndpointExportId,
  endpointNameKey,
  jsonPath,
  remapFlowGraph,
  rewriteScriptEndpointNames,
  type CustomStepBody,
  type ExportFile,
  type FieldIssue,
  type FlowGraph,
  type ImportBindings,
  type ImportEndpointChoice,
  type ImportRename,
  type ImportSummary,
  type IntegrationBody,
} from '@flowyard/engine';
import { uniqueImportName } from './unique-name';
import type { WorkflowState } from './workflow-state';

/** Everything an import writes, with new ids; the service turns it into one batch. */
export interface ImportPlan {
  endpoints: { exportId: string; id: string; name: string; baseUrl: string; created: boolean }[];
  customSteps: { exportId: string; id: string; step: CustomStepBody }[];
  flows: { id: string; name: string; graph: FlowGraph }[];
  constants: { name: string; value: string }[];
  libraries: { name: string; source: string }[];
  /** Outbound triggers of one flow point at the imported flow of that name. */
  integrations: { id: string; body: IntegrationBody }[];
  summary: ImportSummary;
}

export type ImportPlanResult = { ok: true; plan: ImportPlan } | { ok: false; problems: FieldIssue[] };

export interface PlanOptions {
  newId: () => string;
  /** A library's syntax problem (message), or null. */
  librarySyntax: (name: string, source: string) => string | null;
}

/** The endpoints of a file, each with the workflow's endpoint of the same name (the dialog's binding choice). */
export function endpointChoices(file: ExportFile, state: WorkflowState): ImportEndpointChoice[] {
  return file.endpoints.map((endpoint) => {
    const match = state.endpoints.find((existing) => existing.nameKey === endpointNameKey(endpoint.name));
    return { exportId: endpoint.exportId, name: endpoint.name, baseUrl: endpoint.baseUrl, match: match === undefined ? null : { id: match.id, name: match.name } };
  });
}

/** Binding every endpoint to its namesake, which the dialog offers first. */
export function defaultBindings(file: ExportFile, state: WorkflowState): ImportBindings {
  return Object.fromEntries(endpointChoices(file, state).map((choice) => [choice.exportId, choice.match?.id ?? null]));
}

/**
 * Plans an import into a workflow (SPEC §8). Collision policy:
 * - endpoints: bound ones are not created; the others are created (auth none, "needs credentials"),
 *   as "Name (imported)" when the name is taken; the file's scripts that name an endpoint
 *   literally are rewritten to the name it ends up with (the bound endpoint's or the new one);
 * - flows and custom steps: a taken name becomes "Name (imported)" (nothing refers to them by name);
 * - constants and libraries: scripts read them by name, so the same name with the same value is
 *   left as it is, and the same name with another value is a problem (nothing is written).
 */
export function planImport(file: ExportFile, state: WorkflowState, bindings: ImportBindings, options: PlanOptions): ImportPlanResult {
  const problems: FieldIssue[] = [];
  const renamed: ImportRename[] = [];
  const exportIds = new Set(file.endpoints.map((endpoint) => endpoint.exportId));
  for (const [exportId, endpointId] of Object.entries(bindings)) {
    if (!exportIds.has(exportId)) problems.push({ path: jsonPath(['bindings', exportId]), message: `The file has no endpoint with export id "${exportId}"` });
    else if (endpointId !== null && !state.endpoints.some((existing) => existing.id === endpointId)) {
      problems.push({ path: jsonPath(['bindings', exportId]), message: 'The endpoint chosen to bind to does not exist in this workflow (it may have been deleted)' });
    }
  }

  // Endpoints: bound or created, and the name each ends up with.
  const endpointNames = new Set(state.endpoints.map((existing) => existing.nameKey));
  const scriptRenames = new Map<string, string>();
  const planned = file.endpoints.map((endpoint, index) => {
    const boundId = bindings[endpoint.exportId] ?? null;
    const bound = boundId === null ? undefined : state.endpoints.find((existing) => existing.id === boundId);
    const name = bound?.name ?? uniqueImportName(endpoint.name, endpointNames);
    if (bound === undefined && name !== endpoint.name) renamed.push({ kind: 'endpoint', path: jsonPath(['endpoints', index, 'name']), from: endpoint.name, to: name });
    if (endpointNameKey(name) !== endpointNameKey(endpoint.name)) scriptRenames.set(endpointNameKey(endpoint.name), name);
    return { exportId: endpoint.exportId, id: bound?.id ?? options.newId(), name, baseUrl: endpoint.baseUrl, created: bound === undefined };
  });

  const stepNames = new Set(state.customStepNameKeys);
  const steps = file.customSteps.map(({ exportId, step }, index) => {
    const name = uniqueImportName(step.name, stepNames);
    if (name !== step.name) renamed.push({ kind: 'customStep', path: jsonPath(['customSteps', index, 'step', 'name']), from: step.name, to: name });
    const script = scriptRenames.size === 0 ? step.script : rewriteScriptEndpointNames(step, scriptRenames).script;
    return { exportId, id: options.newId(), step: { ...step, name, script } };
  });

  // Steps that use the built-in Flowyard endpoint are bound to this workflow's own.
  const builtin: [string, string][] = state.builtinEndpointId === null ? [] : [[builtinEndpointExportId, state.builtinEndpointId]];
  if (state.builtinEndpointId === null) problems.push(...builtinUses(file));
  const ids = {
    endpoints: new Map([...builtin, ...planned.map((endpoint): [string, string] => [endpoint.exportId, endpoint.id])]),
    customSteps: new Map(steps.map((step) => [step.exportId, step.id])),
  };
  const flowNames = new Set(state.flowNameKeys);
  const flows = file.flows.map((flow, index) => {
    const name = uniqueImportName(flow.name, flowNames);
    if (name !== flow.name) renamed.push({ kind: 'flow', path: jsonPath(['flows', index, 'name']), from: flow.name, to: name });
    return { id: options.newId(), name, graph: problems.length > 0 ? flow.graph : remapFlowGraph(flow.graph, ids) };
  });

  // Integrations: names made unique, scripts follow renamed endpoints, an outbound trigger's flow found by name in the file.
  const flowIdByName = new Map<string, string>();
  file.flows.forEach((flow, index) => flowIdByName.set(flow.name, flows[index]?.id ?? ''));
  const integrationNames = new Set(state.integrationNameKeys);
  const integrations = file.integrations.map(({ integration, flowName }, index) => {
    const name = uniqueImportName(integration.name, integrationNames);
    if (name !== integration.name) renamed.push({ kind: 'integration', path: jsonPath(['integrations', index, 'integration', 'name']), from: integration.name, to: name });
    const script = scriptRenames.size === 0 ? integration.script : rewriteScriptEndpointNames({ script: integration.script, includeEndpoint: false, endpointLabel: '' }, scriptRenames).script;
    const body: IntegrationBody = { ...integration, name, script };
    if (body.kind === 'outbound' && flowName !== null) {
      const flowId = flowIdByName.get(flowName);
      if (flowId === undefined) problems.push({ path: jsonPath(['integrations', index, 'flowName']), message: `The file has no flow named "${flowName}"` });
      return { id: options.newId(), body: { ...body, trigger: { ...body.trigger, flowId: flowId ?? null } } };
    }
    return { id: options.newId(), body };
  });

  const unchanged: ImportSummary['unchanged'] = [];
  const constants = file.constants.filter((constant, index) => {
    const existing = state.constants.get(endpointNameKey(constant.name));
    if (existing === undefined) return true;
    if (existing.value === constant.value) unchanged.push({ kind: 'constant', name: existing.name });
    else {
      problems.push({
        path: jsonPath(['constants', index, 'value']),
        message: `This workflow already has a constant "${existing.name}" with another value; scripts read constants by name, so change or delete one of them first`,
      });
    }
    return false;
  });
  const libraries = file.libraries.filter((library, index) => {
    const syntax = options.librarySyntax(library.name, library.source);
    if (syntax !== null) problems.push({ path: jsonPath(['libraries', index, 'source']), message: syntax });
    const existing = state.libraries.get(endpointNameKey(library.name));
    if (existing === undefined) return true;
    if (existing.source === library.source) unchanged.push({ kind: 'library', name: existing.name });
    else {
      problems.push({
        path: jsonPath(['libraries', index, 'source']),
        message: `This workflow already has a library "${existing.name}" with other source; scripts require libraries by name, so change or delete one of them first`,
      });
    }
    return false;
  });

  if (problems.length > 0) return { ok: false, problems };
  const created = planned.filter((endpoint) => endpoint.created).length;
  return {
    ok: true,
    plan: {
      endpoints: planned,
      customSteps: steps,
      flows,
      constants,
      libraries,
      integrations,
      summary: {
        flows: flows.length,
        customSteps: steps.length,
        constants: constants.length,
        libraries: libraries.length,
        integrations: integrations.length,
        endpointsCreated: created,
        endpointsBound: planned.length - created,
        renamed,
        unchanged,
      },
    },
  };
}

/** Where a file's steps use the built-in endpoint, for a workflow that has none (only a broken store lacks it). */
function builtinUses(file: ExportFile): FieldIssue[] {
  return file.flows.flatMap((flow, flowIndex) =>
    flow.graph.nodes.flatMap((node, nodeIndex) =>
      (node.type === 'http-request' || node.type === 'custom-step') && node.data.config.endpointId === builtinEndpointExportId
        ? [{ path: jsonPath(['flows', flowIndex, 'graph', 'nodes', nodeIndex, 'data', 'config', 'endpointId']), message: 'This workflow has no built-in Flowyard endpoint to bind the step to; restart the server to recreate it' }]
        : [],
    ),
  );
}
