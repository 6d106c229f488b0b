import { describe, expect, it, vi } from 'vitest';
import type { FlowNode } from '../flow/flow-graph';
import { flowGraphSchema } from '../flow/flow-graph';
import type { HttpClient } from '../http/http-types';
import type { RunEvent } from '../run/run-record';
import type { BoundStep } from '../steps/registry';
import { runFlow } from './run-flow';

// No branching step exists yet (Switch is a later issue), so action nodes are replaced by fakes:
// a node named "Switch:<handle>" follows only the edges from that handle; others follow every edge.
vi.mock('../steps/registry', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../steps/registry')>();
  return {
    ...actual,
    bindStep: (node: FlowNode): BoundStep => {
      if (node.type === 'manual-trigger') return actual.bindStep(node);
      const name = node.data.name;
      const run = async () => ({ outputs: { ran: name }, nextHandle: name.startsWith('Switch:') ? name.slice('Switch:'.length) : null });
      return {
        type: node.type,
        kind: 'action',
        outputs: () => ['ran'],
        problems: () => [],
        endpointIds: () => [],
        templates: () => [],
        inputs: () => ({}),
        run,
        runIn: run,
      };
    },
  };
});

const position = { x: 0, y: 0 };
const node = (id: string, name: string) =>
  id === 't'
    ? { id, type: 'manual-trigger', position, data: { name, config: {} } }
    : { id, type: 'http-request', position, data: { name, config: {} } };
const edge = (source: string, target: string, sourceHandle: string | null = null) => ({ id: `${source}-${target}`, source, target, sourceHandle });
const unusedHttp: HttpClient = {
  send: () => Promise.reject(new Error('not used')),
  accessToken: () => Promise.reject(new Error('not used')),
  checkAuthentication: () => Promise.reject(new Error('not used')),
  close: async () => {},
};

async function statuses(nodes: unknown[], edges: unknown[]) {
  const events: RunEvent[] = [];
  const summary = await runFlow({
    runId: 'r',
    user: { id: 'u', name: 'Ann', email: 'ann@example.com' },
    flow: { id: 'f', version: 1, graph: flowGraphSchema.parse({ nodes, edges }) },
    trigger: { nodeId: 't', payload: null, type: 'manual' },
    endpoints: { get: async () => undefined, getByName: async () => undefined },
    http: unusedHttp,
    sink: (event) => void events.push(event),
  });
  const last: Record<string, string> = {};
  for (const event of events) if (event.type === 'step') last[event.step.name] = event.step.status;
  return { summary, last };
}

describe('runFlow branching (nextHandle)', () => {
  it('follows only the chosen handle; the branch not taken is skipped and a join still runs', async () => {
    const { summary, last } = await statuses(
      [node('t', 'Start'), node('s', 'Switch:yes'), node('y', 'Yes'), node('n', 'No'), node('n2', 'After No'), node('j', 'Join')],
      [edge('t', 's'), edge('s', 'y', 'yes'), edge('s', 'n', 'no'), edge('n', 'n2'), edge('y', 'j'), edge('n2', 'j')],
    );
    expect(summary.status).toBe('succeeded');
    expect(last).toEqual({ Start: 'succeeded', 'Switch:yes': 'succeeded', Yes: 'succeeded', No: 'skipped', 'After No': 'skipped', Join: 'succeeded' });
  });

  it('skips a step none of whose incoming edges was taken', async () => {
    const { last } = await statuses(
      [node('t', 'Start'), node('s', 'Switch:left'), node('r', 'Right'), node('x', 'Only After Right')],
      [edge('t', 's'), edge('s', 'r', 'right'), edge('r', 'x')],
    );
    expect(last).toMatchObject({ Right: 'skipped', 'Only After Right': 'skipped' });
  });
});
