import type { FlowGraph } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { createFlowStore, graphOf } from './flow-store';

const graph: FlowGraph = {
  nodes: [
    { id: 't', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Start', config: { testPayload: '{}' } } },
    {
      id: 'h',
      type: 'http-request',
      position: { x: 0, y: 100 },
      data: { name: 'Call', config: { endpointId: 'ep', method: 'GET', path: '/', headers: [], body: '', autoEncodeURI: true, timeoutMs: 30000 } },
    },
  ],
  edges: [{ id: 'e1', source: 't', target: 'h', sourceHandle: null }],
};
const pin = { outputs: { status: 200 }, runId: 'run-1', pinnedAt: '2026-12-05T08:00:00.000Z' };

function setup(initial: FlowGraph = graph) {
  const store = createFlowStore({ id: 'flow-1', version: 1, graph: initial });
  return () => store.getState();
}

describe('flow store: pins and On failure', () => {
  it('pins and unpins a step as undoable edits saved in graph.pins', () => {
    const s = setup();
    s().setPin('h', pin);
    expect(graphOf(s()).pins).toEqual({ h: pin });
    expect(s().dirty).toBe(true);
    s().setPin('h', null);
    expect(graphOf(s())).not.toHaveProperty('pins');
    s().undo();
    expect(s().pins).toEqual({ h: pin });
    s().undo();
    expect(s().pins).toEqual({});
    expect(s().dirty).toBe(false);
  });

  it('loads the pins of a saved flow, and a removed step takes its pin with it (undo brings both back)', () => {
    const s = setup({ ...graph, pins: { h: pin } });
    expect(s().pins).toEqual({ h: pin });
    s().selectStep('h');
    s().removeSelected();
    expect(graphOf(s())).not.toHaveProperty('pins');
    s().undo();
    expect(graphOf(s()).pins).toEqual({ h: pin });
  });

  it('sets a step’s On failure, leaving no key for the default (stop)', () => {
    const s = setup();
    s().setOnFailure('h', { mode: 'retry', maxTries: 3, delayMs: 500 });
    expect(graphOf(s()).nodes[1]?.data).toMatchObject({ onFailure: { mode: 'retry', maxTries: 3, delayMs: 500 } });
    s().setOnFailure('h', { mode: 'stop' });
    expect(graphOf(s()).nodes[1]?.data).not.toHaveProperty('onFailure');
    // A trigger has none.
    s().setOnFailure('t', { mode: 'continue' });
    expect(graphOf(s()).nodes[0]?.data).not.toHaveProperty('onFailure');
  });
});
