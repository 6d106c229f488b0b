import type { FlowListRow, FlowRow, FlowVersionListRow, FlowVersionRow, UnitRepos } from '@flowyard/db';
import {
  describeGraphChange,
  emptyFlowGraph,
  FlowyardError,
  type Flow,
  type FlowGraph,
  type FlowListPage,
  type FlowSummary,
  type FlowVersion,
  type FlowVersionSummary,
  type UserView,
} from '@flowyard/engine';
import { builtinEndpointId } from '../builtin/builtin-rules';
import type { ServiceDeps } from '../deps';
import { createGenerationCache } from '../persistence/generation-cache';
import type { WorkflowsService } from '../workflows/workflows-service';
import { graphCustomStepRefs, missingCustomStepIssues } from './custom-step-refs';
import { graphEndpointRefs, missingEndpointIssues } from './endpoint-refs';
import { flowNotFound, flowTriggersIntegrations } from './flow-errors';
import { decodeFlowCursor, encodeFlowCursor } from './flow-list-cursor';

/** Versions kept per flow unless told otherwise (issue 13: "keep the last 100 per flow by default"). */
export const defaultVersionsToKeep = 100;

/** "Name (copy)", then "Name (copy 2)", …: the first not in `taken` (lower-case), within 100 characters. */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = `${[...name].slice(0, 100 - suffix.length).join('').trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Who saved: a signed-in person, or null for the server itself (import). */
type Saver = Pick<UserView, 'id' | 'name'> | null;

export function createFlowsService(deps: ServiceDeps, workflows: WorkflowsService, options: { versionsToKeep?: number } = {}) {
  const { store, now, newId } = deps;
  const versionsToKeep = Math.max(1, options.versionsToKeep ?? defaultVersionsToKeep);

  const toSummary = (row: FlowListRow): FlowSummary => ({ id: row.id, workflowId: row.workflowId, name: row.name, version: row.version, enabled: row.enabled, updatedAt: row.updatedAt });
  const toVersionSummary = (row: FlowVersionListRow): FlowVersionSummary => ({
    version: row.version,
    savedAt: row.savedAt,
    savedBy: { id: row.savedById, name: row.savedByName },
    summary: row.summary,
  });
  const versionRow = (flowId: string, version: number, graph: FlowGraph, at: string, by: Saver, summary: string): FlowVersionRow => ({
    flowId,
    version,
    graph,
    savedAt: at,
    savedById: by?.id ?? null,
    savedByName: by?.name ?? 'Flowyard',
    summary,
  });
  const toFlow = (row: FlowRow): Flow => ({ ...toSummary(row), graph: row.graph });

  async function findRow(flows: { get(id: string): Promise<FlowRow | undefined> }, id: string): Promise<FlowRow> {
    const row = await flows.get(id);
    if (!row) throw flowNotFound(id);
    return row;
  }

  async function saveGraph(input: { id: string; version: number; graph: FlowGraph }, by: Saver, summary?: string): Promise<Flow> {
    return store.unitOfWork(async (tx) => {
      const row = await findRow(tx.repos.flows, input.id);
      if (row.version !== input.version) {
        throw new FlowyardError('CONFLICT', 'This flow was changed elsewhere since you opened it; reload it to see the latest version', {
          details: { currentVersion: row.version, yourVersion: input.version },
        });
      }
      const refs = graphEndpointRefs(input.graph, await builtinEndpointId(tx.repos, row.workflowId));
      const stepRefs = graphCustomStepRefs(input.graph);
      const found = await tx.repos.endpoints.existingIds(row.workflowId, [...new Set(refs.map((r) => r.endpointId))]);
      const foundSteps = await tx.repos.customSteps.existingIds(row.workflowId, [...new Set(stepRefs.map((r) => r.customStepId))]);
      const issues = [...missingEndpointIssues(refs, found), ...missingCustomStepIssues(stepRefs, foundSteps)];
      if (issues.length > 0) throw new FlowyardError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), { issues });

      const saved: FlowRow = { ...row, graph: input.graph, version: row.version + 1, updatedAt: now().toISOString() };
      await tx.repos.flows.saveGraph(
        { id: row.id, expectedVersion: row.version, graph: saved.graph, version: saved.version, updatedAt: saved.updatedAt },
        refs.map((r) => ({ endpointId: r.endpointId, flowId: row.id, nodeId: r.nodeId, stepName: r.stepName })),
        stepRefs.map((r) => ({ customStepId: r.customStepId, flowId: row.id, nodeId: r.nodeId, stepName: r.stepName })),
      );
      await keepVersion(tx.repos, versionRow(row.id, saved.version, saved.graph, saved.updatedAt, by, summary ?? describeGraphChange(row.graph, saved.graph)));
      return toFlow(saved);
    });
  }

  /** Keeps a version and drops those past retention (the newest `versionsToKeep` stay). */
  async function keepVersion(repos: Pick<UnitRepos, 'flows'>, row: FlowVersionRow): Promise<void> {
    await repos.flows.insertVersion(row);
    if (row.version > versionsToKeep) await repos.flows.deleteVersionsUpTo(row.flowId, row.version - versionsToKeep);
  }

  // One object per saved version: every run of it shares the engine's compilation (keyed by the graph).
  const saved = createGenerationCache(store.generations, ['flows'], async (id: string) => toFlow(await findRow(store.repos.flows, id)));

  return {
    /** One page of the workflow's flows by name (`search`: part of the name, any case), each with its last run. */
    async list(input: { workflowId: string; search: string; cursor?: string | null; limit: number }): Promise<FlowListPage> {
      const after = input.cursor ? decodeFlowCursor(input.cursor) : undefined;
      const needle = input.search.toLowerCase();
      const { flows, runs } = store.repos;
      const [rows, total, matching] = await Promise.all([
        flows.page(input.workflowId, needle, input.limit + 1, after),
        flows.count(input.workflowId, ''),
        needle === '' ? undefined : flows.count(input.workflowId, needle),
      ]);
      const pageRows = rows.slice(0, input.limit);
      const last = pageRows.at(-1);
      const lastRuns = await runs.latestByFlow(pageRows.map((row) => row.id));
      return {
        items: pageRows.map((row) => ({ ...toSummary(row), lastRun: lastRuns.get(row.id) ?? null })),
        nextCursor: rows.length > input.limit && last ? encodeFlowCursor({ name: last.name, id: last.id }) : null,
        total,
        matching: matching ?? total,
      };
    },

    /** Turns the flow's HTTP triggers on or off (the triggers' cache follows the flows table). */
    async setEnabled(input: { id: string; enabled: boolean }): Promise<FlowSummary> {
      return store.unitOfWork(async (tx) => {
        const row = await findRow(tx.repos.flows, input.id);
        const changed = { ...row, enabled: input.enabled, updatedAt: now().toISOString() };
        await tx.repos.flows.setEnabled(row.id, changed.enabled, changed.updatedAt);
        return toSummary(changed);
      });
    },

    /** A copy of the flow (graph, notes, endpoint bindings) under `name` or "Name (copy)", turned on, with its first version. */
    async duplicate(input: { id: string; name?: string | undefined }, by: Saver): Promise<Flow> {
      return store.unitOfWork(async (tx) => {
        const source = await findRow(tx.repos.flows, input.id);
        const name = input.name ?? copyName(source.name, new Set((await tx.repos.flows.names(source.workflowId)).map((n) => n.toLowerCase())));
        const at = now().toISOString();
        const row: FlowRow = { id: newId(), workflowId: source.workflowId, name, graph: source.graph, version: 1, enabled: true, createdAt: at, updatedAt: at };
        await tx.repos.flows.insertMany(
          [row],
          graphEndpointRefs(row.graph, await builtinEndpointId(tx.repos, row.workflowId)).map((r) => ({ endpointId: r.endpointId, flowId: row.id, nodeId: r.nodeId, stepName: r.stepName })),
          graphCustomStepRefs(row.graph).map((r) => ({ customStepId: r.customStepId, flowId: row.id, nodeId: r.nodeId, stepName: r.stepName })),
          [versionRow(row.id, 1, row.graph, at, by, `Copied from "${source.name}"`)],
        );
        return toFlow(row);
      });
    },

    /** The flow's kept versions, newest first. */
    async versions(input: { id: string; before?: number | null; limit: number }): Promise<{ items: FlowVersionSummary[]; nextBefore: number | null }> {
      await findRow(store.repos.flows, input.id);
      const rows = await store.repos.flows.versions(input.id, input.limit + 1, input.before ?? undefined);
      const items = rows.slice(0, input.limit).map(toVersionSummary);
      return { items, nextBefore: rows.length > input.limit ? (items.at(-1)?.version ?? null) : null };
    },

    /** One kept version with its graph (shown read-only on the canvas). */
    async version(input: { id: string; version: number }): Promise<FlowVersion> {
      const row = await store.repos.flows.getVersion(input.id, input.version);
      if (!row) throw new FlowyardError('NOT_FOUND', `Version ${input.version} of this flow is not kept (any more)`);
      return { ...toVersionSummary(row), graph: row.graph };
    },

    /**
     * Saves a kept version's graph as a new version, over `currentVersion` like any save (a stale
     * one is CONFLICT); its endpoints and custom steps must still exist.
     */
    async restore(input: { id: string; version: number; currentVersion: number }, by: Saver): Promise<Flow> {
      const kept = await store.repos.flows.getVersion(input.id, input.version);
      if (!kept) throw new FlowyardError('NOT_FOUND', `Version ${input.version} of this flow is not kept (any more)`);
      return saveGraph({ id: input.id, version: input.currentVersion, graph: kept.graph }, by, `Restored version ${input.version}`);
    },

    /** The saved flow; the same object while it is unchanged, so callers must not modify it. */
    get(id: string): Promise<Flow> {
      return saved.get(id);
    },

    async create(input: { workflowId: string; name: string }, by: Saver): Promise<Flow> {
      await workflows.require(input.workflowId);
      const at = now().toISOString();
      const row: FlowRow = { id: newId(), workflowId: input.workflowId, name: input.name, graph: emptyFlowGraph, version: 1, enabled: true, createdAt: at, updatedAt: at };
      await store.repos.flows.insertMany([row], [], [], [versionRow(row.id, 1, row.graph, at, by, 'Created')]);
      return toFlow(row);
    },

    /** Renaming does not touch the graph, so it neither needs nor bumps the version. */
    async rename(input: { id: string; name: string }): Promise<FlowSummary> {
      return store.unitOfWork(async (tx) => {
        const row = await findRow(tx.repos.flows, input.id);
        const renamed: FlowRow = { ...row, name: input.name, updatedAt: now().toISOString() };
        await tx.repos.flows.rename(row.id, renamed.name, renamed.updatedAt);
        return toSummary(renamed);
      });
    },

    /** Deletes the flow, its runs and its usage-index rows in one transaction; refused with CONFLICT while an outbound integration is triggered by its runs. */
    async delete(id: string): Promise<{ id: string }> {
      return store.unitOfWork(async (tx) => {
        const row = await findRow(tx.repos.flows, id);
        const triggered = (await tx.repos.integrations.listByWorkflow(row.workflowId)).flatMap(({ id: integrationId, definition }) =>
          definition.kind === 'outbound' && definition.trigger.flowId === id ? [{ id: integrationId, name: definition.name }] : [],
        );
        if (triggered.length > 0) throw flowTriggersIntegrations(row.name, triggered);
        await tx.repos.flows.delete(id);
        return { id };
      });
    },

    /**
     * Saves a graph loaded at `version` and keeps it as a version; a stale version is CONFLICT;
     * endpoints and custom steps the graph uses must exist in the flow's workflow. The graph, its
     * usage-index rows and the kept version are written in one transaction.
     */
    save(input: { id: string; version: number; graph: FlowGraph }, by: Saver): Promise<Flow> {
      return saveGraph(input, by);
    },
  };
}

export type FlowsService = ReturnType<typeof createFlowsService>;
