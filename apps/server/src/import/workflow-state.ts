import type { UnitRepos } from '@flowyard/db';
import { endpointNameKey } from '@flowyard/engine';
import { isBuiltinRow } from '../builtin/builtin-rules';

/** What an import must not collide with: the names already in the workflow. */
export interface WorkflowState {
  endpoints: { id: string; name: string; nameKey: string }[];
  /** The workflow's built-in Flowyard endpoint, which steps of a file using it are bound to. */
  builtinEndpointId: string | null;
  customStepNameKeys: Set<string>;
  flowNameKeys: Set<string>;
  constants: Map<string, { name: string; value: string }>;
  libraries: Map<string, { name: string; source: string }>;
  integrationNameKeys: Set<string>;
}

/** Reads the names (and constant values, library sources) of a workflow. */
export async function readWorkflowState(repos: UnitRepos, workflowId: string): Promise<WorkflowState> {
  const [endpointRows, stepRows, flowNames, constantRows, libraryRows, integrationRows] = await Promise.all([
    repos.endpoints.summaries(workflowId),
    repos.customSteps.inWorkflow(workflowId),
    repos.flows.names(workflowId),
    repos.constants.inWorkflow(workflowId),
    repos.libraries.inWorkflow(workflowId),
    repos.integrations.listByWorkflow(workflowId),
  ]);
  return {
    endpoints: endpointRows.map(({ id, name, nameKey }) => ({ id, name, nameKey })),
    builtinEndpointId: endpointRows.find((row) => isBuiltinRow(row))?.id ?? null,
    customStepNameKeys: new Set(stepRows.map((row) => row.nameKey)),
    flowNameKeys: new Set(flowNames.map((name) => endpointNameKey(name))),
    constants: new Map(constantRows.map((row) => [row.nameKey, { name: row.name, value: row.value }])),
    libraries: new Map(libraryRows.map((row) => [row.nameKey, { name: row.name, source: row.source }])),
    integrationNameKeys: new Set(integrationRows.map((row) => row.nameKey)),
  };
}
