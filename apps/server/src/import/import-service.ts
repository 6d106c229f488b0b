import type { UnitRepos } from '@flowyard/db';
import {
  checkExportFile,
  endpointNameKey,
  FlowyardError,
  inboundPath,
  scriptIndexVersion,
  type ExportFile,
  type FieldIssue,
  type ImportBindings,
  type ImportPreviewResult,
  type ImportResult,
} from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { storeAuth } from '../endpoints/stored-auth';
import { graphCustomStepRefs } from '../flows/custom-step-refs';
import { builtinEndpointId } from '../builtin/builtin-rules';
import { graphEndpointRefs } from '../flows/endpoint-refs';
import { librarySyntaxIssue } from '../scripting/library-syntax';
import { scriptRefRows } from '../usage/script-refs';
import type { WorkflowsService } from '../workflows/workflows-service';
import { integrationRefRows } from '../integrations/integrations-service';
import { hashIntegrationToken, newIntegrationToken } from '../integrations/integration-tokens';
import { defaultBindings, endpointChoices, planImport, type ImportPlan } from './import-plan';
import { readWorkflowState } from './workflow-state';

/** Import of an export file (SPEC §8): checked whole, then written in one batch or not at all. */
export function createImportService(deps: ServiceDeps, workflows: WorkflowsService) {
  const { store, now, newId } = deps;
  const librarySyntax = (_name: string, source: string): string | null => librarySyntaxIssue(source)?.issue.message ?? null;

  function invalid(problems: FieldIssue[]): FlowyardError {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    return new FlowyardError('VALIDATION_FAILED', `The import file has ${count}; nothing was imported`, { issues: problems });
  }

  async function plan(repos: UnitRepos, workflowId: string, file: ExportFile, bindings: ImportBindings | null) {
    const state = await readWorkflowState(repos, workflowId);
    return { state, result: planImport(file, state, bindings ?? defaultBindings(file, state), { newId, librarySyntax }) };
  }

  /** Writes what the plan creates, in the unit `repos` belongs to; answers the URL tokens made for integrations (by id). */
  async function write(repos: UnitRepos, workflowId: string, plan: ImportPlan, importer: { id: string } | undefined): Promise<Map<string, string>> {
    const at = now().toISOString();
    const createdEndpoints = plan.endpoints
      .filter((endpoint) => endpoint.created)
      .map((endpoint) => ({
        id: endpoint.id,
        workflowId,
        name: endpoint.name,
        nameKey: endpointNameKey(endpoint.name),
        baseUrl: endpoint.baseUrl,
        trustSelfSigned: false,
        ...storeAuth({ type: 'none' }, endpoint.id, deps.secretBox, null),
        needsCredentials: true,
        createdAt: at,
        updatedAt: at,
      }));
    const stepRows = plan.customSteps.map((step) => ({
      id: step.id,
      workflowId,
      name: step.step.name,
      nameKey: endpointNameKey(step.step.name),
      definition: step.step,
      scriptIndexVersion,
      createdAt: at,
      updatedAt: at,
    }));
    const scriptRefs = plan.customSteps.flatMap((step) => scriptRefRows(step.id, workflowId, step.step));
    const flowRows = plan.flows.map((flow) => ({ id: flow.id, workflowId, name: flow.name, graph: flow.graph, version: 1, enabled: true, createdAt: at, updatedAt: at }));
    const builtinId = await builtinEndpointId(repos, workflowId);
    const refRows = plan.flows.flatMap((flow) =>
      graphEndpointRefs(flow.graph, builtinId).map((ref) => ({ endpointId: ref.endpointId, flowId: flow.id, nodeId: ref.nodeId, stepName: ref.stepName })),
    );
    const stepRefRows = plan.flows.flatMap((flow) =>
      graphCustomStepRefs(flow.graph).map((ref) => ({ customStepId: ref.customStepId, flowId: flow.id, nodeId: ref.nodeId, stepName: ref.stepName })),
    );
    const constantRows = plan.constants.map((constant) => ({ id: newId(), workflowId, name: constant.name, nameKey: endpointNameKey(constant.name), value: constant.value, createdAt: at, updatedAt: at }));
    const libraryRows = plan.libraries.map((library) => ({ id: newId(), workflowId, name: library.name, nameKey: endpointNameKey(library.name), source: library.source, createdAt: at, updatedAt: at }));
    // Parents before the rows that reference them.
    await repos.endpoints.insertMany(createdEndpoints);
    await repos.customSteps.insertMany(stepRows, scriptRefs);
    await repos.flows.insertMany(
      flowRows,
      refRows,
      stepRefRows,
      flowRows.map((row) => ({ flowId: row.id, version: 1, graph: row.graph, savedAt: at, savedById: null, savedByName: 'Import', summary: 'Imported' })),
    );
    await repos.constants.insertMany(constantRows);
    await repos.libraries.insertMany(libraryRows);
    // A file carries no token: URL authentication gets a fresh one, answered once. Runs act as the
    // user the file names when this install has them, else as whoever imports.
    const tokens = new Map<string, string>();
    const integrationRows = [];
    for (const { id, body: planned } of plan.integrations) {
      let body = planned;
      if (body.kind === 'inbound' && body.auth.type === 'url') {
        const actAs = await repos.users.get(body.auth.actAsUserId);
        if ((actAs === undefined || actAs.disabled) && importer !== undefined) body = { ...body, auth: { type: 'url', actAsUserId: importer.id } };
        tokens.set(id, newIntegrationToken());
      }
      const token = tokens.get(id);
      integrationRows.push({
        id,
        workflowId,
        kind: body.kind,
        name: body.name,
        nameKey: endpointNameKey(body.name),
        definition: body,
        tokenHash: token === undefined ? null : hashIntegrationToken(token),
        tokenCreatedAt: token === undefined ? null : at,
        createdAt: at,
        updatedAt: at,
      });
    }
    await repos.integrations.insertMany(integrationRows, integrationRows.flatMap((row) => integrationRefRows(row.id, workflowId, row.definition)));
    return tokens;
  }

  return {
    /** Checks a file against the format and the workflow; writes nothing. */
    async preview(workflowId: string, input: unknown): Promise<ImportPreviewResult> {
      await workflows.require(workflowId);
      const check = checkExportFile(input);
      if (!check.ok) return { ok: false, problems: check.problems };
      const { state, result } = await plan(store.repos, workflowId, check.file, null);
      if (!result.ok) return { ok: false, problems: result.problems };
      return { ok: true, endpoints: endpointChoices(check.file, state), summary: result.plan.summary };
    },

    /**
     * Imports a file: VALIDATION_FAILED listing every problem (JSON paths) and nothing written,
     * or everything written in one batch. Endpoints bound in `bindings` are used as they are;
     * the others are created without credentials and flagged "needs credentials".
     */
    async import(workflowId: string, input: unknown, bindings: ImportBindings, importer?: { id: string }): Promise<ImportResult> {
      await workflows.require(workflowId);
      const check = checkExportFile(input);
      if (!check.ok) throw invalid(check.problems);
      const file = check.file;
      return store.unitOfWork(async (tx) => {
        // Planned in the unit, so names and bindings are checked against what its writes meet.
        const { result } = await plan(tx.repos, workflowId, file, bindings);
        if (!result.ok) throw invalid(result.problems);
        const tokens = await write(tx.repos, workflowId, result.plan, importer);
        return {
          summary: result.plan.summary,
          endpoints: result.plan.endpoints.map(({ exportId, id, name, created }) => ({ exportId, id, name, created })),
          flows: result.plan.flows.map(({ id, name }) => ({ id, name })),
          customSteps: result.plan.customSteps.map(({ exportId, id, step }) => ({ exportId, id, name: step.name })),
          integrations: result.plan.integrations.map(({ id, body }) => {
            const token = tokens.get(id) ?? null;
            return { id, name: body.name, kind: body.kind, token, tokenPath: token === null ? null : inboundPath(id, token) };
          }),
        };
      });
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
