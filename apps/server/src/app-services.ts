import type { HttpClient } from '@flowyard/engine';
import type { ServiceDeps } from './deps';
import { createEndpointsService } from './endpoints/endpoints-service';
import { createFlowsService } from './flows/flows-service';
import { createRunEventBus, type RunEventBus } from './runs/run-event-bus';
import { createRunsService } from './runs/runs-service';
import { createResolveUser } from './users/resolve-user';
import { createUsersService } from './users/users-service';
import { createWorkflowsService } from './workflows/workflows-service';

/** Wires the services once per process (or per test); the tRPC context carries them. */
export function createAppServices(deps: ServiceDeps, options: { http: HttpClient; bus?: RunEventBus }) {
  const users = createUsersService(deps);
  const workflows = createWorkflowsService(deps);
  const endpoints = createEndpointsService(deps, workflows);
  const flows = createFlowsService(deps, workflows);
  const runs = createRunsService(deps, flows, { http: options.http, bus: options.bus ?? createRunEventBus() });
  return { users, workflows, endpoints, flows, runs, resolveUser: createResolveUser(users) };
}

export type AppServices = ReturnType<typeof createAppServices>;

/** First-start set-up, idempotent: the Default workflow, the local admin, interrupted runs. */
export async function bootstrap(services: AppServices): Promise<{ interruptedRuns: number }> {
  await services.workflows.ensureDefault();
  await services.users.ensureLocalAdmin();
  return { interruptedRuns: await services.runs.markInterrupted() };
}
