import type { HttpClient, ScriptRunner } from '@flowyard/engine';
import { createCustomStepsService } from './custom-steps/custom-steps-service';
import type { ServiceDeps } from './deps';
import { createEndpointsService } from './endpoints/endpoints-service';
import { createFlowsService } from './flows/flows-service';
import { createRunEventBus, type RunEventBus } from './runs/run-event-bus';
import { createRunsService } from './runs/runs-service';
import { createConstantsService } from './scripting/constants-service';
import { createLibrariesService } from './scripting/libraries-service';
import { reindexStaleScripts } from './usage/script-refs';
import { createResolveUser } from './users/resolve-user';
import { createUsersService } from './users/users-service';
import { createWorkflowsService } from './workflows/workflows-service';

/** Wires the services once per process (or per test); the tRPC context carries them. */
export function createAppServices(deps: ServiceDeps, options: { http: HttpClient; scripts: ScriptRunner; bus?: RunEventBus }) {
  const users = createUsersService(deps);
  const workflows = createWorkflowsService(deps);
  const endpoints = createEndpointsService(deps, workflows, { http: options.http });
  const flows = createFlowsService(deps, workflows);
  const customSteps = createCustomStepsService(deps, workflows);
  const constants = createConstantsService(deps, workflows);
  const libraries = createLibrariesService(deps, workflows);
  const runs = createRunsService(deps, flows, {
    http: options.http,
    bus: options.bus ?? createRunEventBus(),
    scripts: options.scripts,
    customSteps,
    constants,
    libraries,
  });
  return {
    users,
    workflows,
    endpoints,
    flows,
    customSteps,
    constants,
    libraries,
    runs,
    resolveUser: createResolveUser(users),
    reindexStaleScripts: () => reindexStaleScripts(deps.db),
  };
}

export type AppServices = ReturnType<typeof createAppServices>;

/** First-start set-up, idempotent: the Default workflow, the local admin, interrupted runs, the script usage index. */
export async function bootstrap(services: AppServices): Promise<{ interruptedRuns: number; reindexedScripts: number }> {
  await services.workflows.ensureDefault();
  await services.users.ensureLocalAdmin();
  const reindexedScripts = await services.reindexStaleScripts();
  return { interruptedRuns: await services.runs.markInterrupted(), reindexedScripts };
}
