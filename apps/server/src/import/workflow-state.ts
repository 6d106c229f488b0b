import { constants, customSteps, endpoints, eq, flows, libraries, type FlowyardDb } from '@flowyard/db';
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
}

/** Reads the names (and constant values, library sources) of a workflow. */
export async function readWorkflowState(db: FlowyardDb, workflowId: string): Promise<WorkflowState> {
  const [endpointRows, stepRows, flowRows, constantRows, libraryRows] = await Promise.all([
    db.orm.select({ id: endpoints.id, name: endpoints.name, nameKey: endpoints.nameKey, authType: endpoints.authType }).from(endpoints).where(eq(endpoints.workflowId, workflowId)),
    db.orm.select({ nameKey: customSteps.nameKey }).from(customSteps).where(eq(customSteps.workflowId, workflowId)),
    db.orm.select({ name: flows.name }).from(flows).where(eq(flows.workflowId, workflowId)),
    db.orm.select({ name: constants.name, nameKey: constants.nameKey, value: constants.value }).from(constants).where(eq(constants.workflowId, workflowId)),
    db.orm.select({ name: libraries.name, nameKey: libraries.nameKey, source: libraries.source }).from(libraries).where(eq(libraries.workflowId, workflowId)),
  ]);
  return {
    endpoints: endpointRows.map(({ id, name, nameKey }) => ({ id, name, nameKey })),
    builtinEndpointId: endpointRows.find((row) => isBuiltinRow(row))?.id ?? null,
    customStepNameKeys: new Set(stepRows.map((row) => row.nameKey)),
    flowNameKeys: new Set(flowRows.map((row) => endpointNameKey(row.name))),
    constants: new Map(constantRows.map((row) => [row.nameKey, { name: row.name, value: row.value }])),
    libraries: new Map(libraryRows.map((row) => [row.nameKey, { name: row.name, source: row.source }])),
  };
}
