import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { flowGraphSchema, type FlowGraph } from '../flow/flow-graph';
import type { HttpClient } from '../http/http-types';
import type { Json, RunEvent, RunTriggerType, StepRecord } from '../run/run-record';
import { runFlow, type RunFlowOptions } from './run-flow';

// Builders shared by the runner's tests of pins and failure policies.
const position = { x: 0, y: 0 };
export const manualTrigger = { id: 't', type: 'manual-trigger', position, data: { name: 'Start', config: {} } };
export const call = (id: string, name: string, path = `/${id}`, onFailure?: unknown) => ({
  id,
  type: 'http-request',
  position,
  data: { name, config: { endpointId: 'ep', path }, ...(onFailure === undefined ? {} : { onFailure }) },
});
export const switchNode = (id: string, name: string, value: string, cases: { id: string; value: string }[]) => ({ id, type: 'switch', position, data: { name, config: { value, cases } } });
export const edge = (source: string, target: string, sourceHandle: string | null = null) => ({ id: `${source}->${target}:${sourceHandle ?? ''}`, source, target, sourceHandle });
export const graphOf = (nodes: unknown[], edges: unknown[], pins?: unknown): FlowGraph => flowGraphSchema.parse({ nodes, edges, ...(pins === undefined ? {} : { pins }) });

/** Runs `graph` from trigger `t` against one endpoint `ep` at `baseUrl`; the last record of each step by name. */
export async function runAgainst(graph: FlowGraph, baseUrl: string, http: HttpClient, extra: Partial<RunFlowOptions> & { type?: RunTriggerType; payload?: Json } = {}) {
  const endpoint: ResolvedEndpoint = { id: 'ep', name: 'Target', baseUrl, trustSelfSigned: false, auth: { type: 'none' } };
  const events: RunEvent[] = [];
  const { type = 'manual', payload = {}, ...options } = extra;
  const summary = await runFlow({
    runId: 'run-1',
    user: { id: 'user-1', name: 'Ann', email: 'ann@example.com' },
    flow: { id: 'flow-1', version: 1, graph },
    trigger: { nodeId: 't', payload, type },
    endpoints: { get: async (id) => (id === 'ep' ? endpoint : undefined), getByName: async () => undefined },
    http,
    sink: (event) => void events.push(event),
    ...options,
  });
  const last = new Map<string, StepRecord>();
  for (const event of events) if (event.type === 'step') last.set(event.step.name, event.step);
  const statuses = Object.fromEntries([...last].map(([name, step]) => [name, step.status]));
  return { summary, statuses, events, final: (name: string) => last.get(name) };
}
