import { constants, customSteps, endpoints, eq, flows, libraries, workflows as workflowsTable } from '@flowyard/db';
import { buildExportFile, FlowyardError, type ExportFile } from '@flowyard/engine';
import { isBuiltinRow } from '../builtin/builtin-rules';
import type { ServiceDeps } from '../deps';

/** Export of a workflow (SPEC §8) as the file object the web app downloads as JSON. */
export function createExportService(deps: ServiceDeps) {
  const { db, now } = deps;
  return {
    /**
     * Flows, custom steps, constants, libraries and endpoints (not the built-in one: every
     * install has its own). Only endpoint names, base URLs and auth types are read: no
     * credential column is selected, so none can reach the file.
     */
    async export(workflowId: string): Promise<ExportFile> {
      const [workflow] = await db.orm.select({ name: workflowsTable.name }).from(workflowsTable).where(eq(workflowsTable.id, workflowId));
      if (workflow === undefined) throw new FlowyardError('NOT_FOUND', 'Workflow not found', { details: { id: workflowId } });
      const [endpointRows, stepRows, flowRows, constantRows, libraryRows] = await Promise.all([
        db.orm.select({ id: endpoints.id, name: endpoints.name, baseUrl: endpoints.baseUrl, authType: endpoints.authType }).from(endpoints).where(eq(endpoints.workflowId, workflowId)),
        db.orm.select({ id: customSteps.id, definition: customSteps.definition }).from(customSteps).where(eq(customSteps.workflowId, workflowId)),
        db.orm.select({ name: flows.name, graph: flows.graph }).from(flows).where(eq(flows.workflowId, workflowId)),
        db.orm.select({ name: constants.name, value: constants.value }).from(constants).where(eq(constants.workflowId, workflowId)),
        db.orm.select({ name: libraries.name, source: libraries.source }).from(libraries).where(eq(libraries.workflowId, workflowId)),
      ]);
      return buildExportFile({
        workflowName: workflow.name,
        exportedAt: now(),
        endpoints: endpointRows.map((row) => ({ id: row.id, name: row.name, baseUrl: row.baseUrl, builtIn: isBuiltinRow(row) })),
        customSteps: stepRows.map((row) => ({ id: row.id, ...row.definition })),
        flows: flowRows,
        constants: constantRows,
        libraries: libraryRows,
      });
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
