import type { Repos } from '@flowyard/db';
import { can, FlowyardError, type Json, type RunOrigin, type UserView } from '@flowyard/engine';
import type { FlowsService } from '../flows/flows-service';
import type { RunsService } from '../runs/runs-service';

/**
 * An integration script's flows.start(name, payload): the workflow's flow of that name, admitted
 * through the runs service like an HTTP-triggered run (queued alike), acting as `user`, its
 * trigger type `integration` and its origin recorded (the outbound loop guard reads it).
 */
export function createFlowStarter({ repos, flows, runs }: { repos: Pick<Repos, 'flows'>; flows: Pick<FlowsService, 'get'>; runs: Pick<RunsService, 'start'> }) {
  return async (input: { workflowId: string; flowName: string; payload: Json; user: UserView; origin: RunOrigin }): Promise<string> => {
    const { user, flowName } = input;
    if (user.disabled) throw new FlowyardError('FORBIDDEN', `${user.name} is disabled, so runs cannot act as them`);
    if (!can(user.role, 'flows.trigger')) throw new FlowyardError('FORBIDDEN', `${user.name}'s role may not start flows`, { details: { permission: 'flows.trigger' } });
    const ids = await repos.flows.idsByName(input.workflowId, flowName);
    const [id, ...others] = ids;
    if (id === undefined) throw new FlowyardError('NOT_FOUND', `There is no flow named "${flowName}" in this workflow`);
    if (others.length > 0) throw new FlowyardError('VALIDATION_FAILED', `${ids.length} flows are named "${flowName}"; rename all but one`);
    const flow = await flows.get(id);
    if (!flow.enabled) throw new FlowyardError('FLOW_DISABLED', `The flow "${flow.name}" is turned off, so it starts no runs; turn it on in the Flows list`);
    const { runId } = await runs.start(user, { flowId: id, payload: input.payload }, 'integration', { origin: input.origin });
    return runId;
  };
}

export type FlowStarter = ReturnType<typeof createFlowStarter>;
