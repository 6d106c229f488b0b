import { testStep, type HttpClient, type RunUser, type ScriptRunner, type StepRecord, type UpstreamSource } from '@flowyard/engine';
import type { RunCredentials } from '../builtin/run-credentials';
import { withRunCredential } from '../builtin/run-endpoints';
import type { CustomStepsService } from '../custom-steps/custom-steps-service';
import type { ServiceDeps } from '../deps';
import { createEndpointResolver } from '../endpoints/endpoint-resolver';
import type { FlowsService } from '../flows/flows-service';
import { timeOrderedId } from '../persistence/time-ordered-id';
import type { ConstantsService } from '../scripting/constants-service';
import type { LibrariesService } from '../scripting/libraries-service';
import { toStepRecord } from './run-views';

/** How many tests are kept per step; older ones are forgotten as new ones are recorded. */
export const keptTestsPerStep = 5;

/** One recorded "Test step": the step's record (redacted as in Activity) and where its upstream data came from. */
export interface StepTestView {
  id: string;
  flowId: string;
  nodeId: string;
  startedAt: string;
  record: StepRecord;
  upstream: Record<string, UpstreamSource>;
}

export interface StepTestsServiceOptions {
  http: HttpClient;
  scripts: ScriptRunner;
  customSteps: CustomStepsService;
  constants: ConstantsService;
  libraries: LibrariesService;
  credentials: RunCredentials;
}

/**
 * "Test step": runs one step of a saved flow through the engine's run path, its references
 * resolved from the flow's last run (or pins). Recorded as a test of the step, never as a run of
 * the flow: it is not in the Activity list and starts no outbound integration.
 */
export function createStepTestsService(deps: ServiceDeps, flows: FlowsService, { http, scripts, customSteps, constants, libraries, credentials }: StepTestsServiceOptions) {
  const { runs, stepTests } = deps.store.repos;
  return {
    async run(user: RunUser, input: { flowId: string; nodeId: string }): Promise<StepTestView> {
      const flow = await flows.get(input.flowId);
      const [latest] = await runs.list({ flowId: flow.id }, 1);
      const last = latest === undefined ? undefined : await runs.get(latest.run.id);
      const id = timeOrderedId();
      const startedAt = deps.now().toISOString();
      let credential: Promise<string> | undefined;
      const definitions = await customSteps.definitions(flow.workflowId);
      try {
        const result = await testStep({
          testId: id,
          user,
          flow: { id: flow.id, version: flow.version, graph: flow.graph },
          nodeId: input.nodeId,
          lastRun: last === undefined ? undefined : { triggerNodeId: last.run.triggerNodeId, steps: last.steps.map(toStepRecord) },
          endpoints: withRunCredential(createEndpointResolver(deps, flow.workflowId), () => (credential ??= credentials.mint({ userId: user.id, runId: id }))),
          http,
          scripting: {
            customSteps: { get: async (customStepId) => definitions.get(customStepId) },
            scripts,
            constants: () => constants.values(flow.workflowId),
            libraries: () => libraries.sources(flow.workflowId),
          },
          now: deps.now,
          newId: () => timeOrderedId(),
        });
        const view: StepTestView = { id, flowId: flow.id, nodeId: input.nodeId, startedAt, record: result.record, upstream: result.upstream };
        await stepTests.insert({ ...view, userId: user.id }, keptTestsPerStep);
        return view;
      } finally {
        // A credential that cannot be revoked still expires; the test's answer stands.
        if (credential !== undefined) await credentials.revokeRun(id).catch(() => undefined);
      }
    },

    /** The step's latest tests, newest first. */
    async list(flowId: string, nodeId: string): Promise<StepTestView[]> {
      const rows = await stepTests.list(flowId, nodeId, keptTestsPerStep);
      return rows.map((row) => ({ id: row.id, flowId: row.flowId, nodeId: row.nodeId, startedAt: row.startedAt, record: row.record, upstream: row.upstream }));
    },
  };
}

export type StepTestsService = ReturnType<typeof createStepTestsService>;
