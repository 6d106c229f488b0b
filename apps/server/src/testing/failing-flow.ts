import { chainGraph } from './graphs';
import type { Caller } from './test-app';

/** Creates an endpoint nothing listens on and a flow named `name` that calls it: every run of it fails (HTTP_CONNECT_FAILED). Its id. */
export async function createFailingFlow(caller: Caller, workflowId: string, name: string): Promise<string> {
  const dead = await caller.endpoints.create({ workflowId, name: `Dead for ${name}`, baseUrl: 'http://127.0.0.1:1', auth: { type: 'none' } });
  const flow = await caller.flows.create({ workflowId, name });
  await caller.flows.save({ id: flow.id, version: flow.version, graph: chainGraph([{ id: 'call', name: 'Call', endpointId: dead.id, path: '/' }]) });
  return flow.id;
}
