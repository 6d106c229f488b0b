import { buildExportFile, FlowyardError, type ExportFile } from '@flowyard/engine';
import { isBuiltinRow } from '../builtin/builtin-rules';
import type { ServiceDeps } from '../deps';

/** Export of a workflow (SPEC §8) as the file object the web app downloads as JSON. */
export function createExportService(deps: ServiceDeps) {
  const { store, now } = deps;
  const { repos } = store;
  return {
    /**
     * Flows, custom steps, constants, libraries, integrations (no tokens) and endpoints (not the built-in one: every
     * install has its own). Only endpoint names, base URLs and auth types are read: no
     * credential column is selected, so none can reach the file.
     */
    async export(workflowId: string): Promise<ExportFile> {
      const workflow = await repos.workflows.get(workflowId);
      if (workflow === undefined) throw new FlowyardError('NOT_FOUND', 'Workflow not found', { details: { id: workflowId } });
      const [endpointRows, stepRows, flowRows, constantRows, libraryRows, integrationRows] = await Promise.all([
        repos.endpoints.summaries(workflowId),
        repos.customSteps.inWorkflow(workflowId),
        repos.flows.graphs(workflowId),
        repos.constants.inWorkflow(workflowId),
        repos.libraries.inWorkflow(workflowId),
        repos.integrations.listByWorkflow(workflowId),
      ]);
      return buildExportFile({
        workflowName: workflow.name,
        exportedAt: now(),
        endpoints: endpointRows.map((row) => ({ id: row.id, name: row.name, baseUrl: row.baseUrl, builtIn: isBuiltinRow(row) })),
        customSteps: stepRows.map((row) => ({ id: row.id, ...row.definition })),
        flows: flowRows.map(({ name, graph }) => ({ name, graph })),
        constants: constantRows,
        libraries: libraryRows,
        // Definitions only: URL tokens are stored hashed beside them and never read here.
        integrations: integrationRows.map((row) => row.definition),
        flowNames: new Map(flowRows.map((flow) => [flow.id, flow.name])),
      });
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
