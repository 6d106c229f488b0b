import type { FlowGraph } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { createFlowStore, graphOf } from './flow-store';

function setup(initial: FlowGraph = { nodes: [], edges: [] }) {
  let clock = 0;
  let seq = 0;
  const store = createFlowStore({ id: 'flow-1', version: 3, graph: initial }, null, { now: () => clock, newId: (type) => `${type}-${++seq}` });
  return {
    store,
    s: () => store.getState(),
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const twoSteps: FlowGraph = {
  nodes: [
    { id: 't', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
    {
      id: 'h',
      type: 'http-request',
      position: { x: 300, y: 0 },
      data: {
        name: 'HTTP Request',
        config: { endpointId: null, method: 'GET', path: '', headers: [], body: '', autoEncodeURI: true, timeoutMs: 30000 },
      },
    },
  ],
  edges: [{ id: 'e1', source: 't', target: 'h', sourceHandle: null }],
};

describe('flow store', () => {
  it('loads a flow clean, with no history', () => {
    const { s } = setup(twoSteps);
    expect(s().dirty).toBe(false);
    expect(s().version).toBe(3);
    expect(graphOf(s())).toEqual(twoSteps);
    expect(s().past).toHaveLength(0);
  });

  it('gives new steps unique names, case-insensitively', () => {
    const { s } = setup(twoSteps);
    s().addStep('http-request', { x: 0, y: 100 });
    s().addStep('http-request', { x: 0, y: 200 });
    expect(s().nodes.map((n) => n.data.name)).toEqual(['Manual Trigger', 'HTTP Request', 'HTTP Request 2', 'HTTP Request 3']);
    s().renameStep('http-request-1', 'http request 4');
    s().addStep('http-request', { x: 0, y: 300 });
    expect(s().nodes.at(-1)?.data.name).toBe('HTTP Request 2');
  });

  it('new steps start with the schema defaults and are selected alone', () => {
    const { s } = setup(twoSteps);
    s().selectStep('t');
    const id = s().addStep('http-request', { x: 10, y: 20 });
    const node = s().nodes.find((n) => n.id === id);
    expect(node?.type).toBe('http-request');
    expect(node?.data.config).toMatchObject({ endpointId: null, method: 'GET', timeoutMs: 30000 });
    expect(s().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual([id]);
  });

  it('adding a step after another connects them in one undo step, when the connection is allowed', () => {
    const { s } = setup(twoSteps);
    const id = s().addStep('http-request', { x: 0, y: 300 }, 'h');
    expect(s().edges.map((e) => [e.source, e.target])).toEqual([
      ['t', 'h'],
      ['h', id],
    ]);
    expect(s().past).toHaveLength(1);
    s().undo();
    expect(graphOf(s())).toEqual(twoSteps);
    // A trigger takes no incoming connection: it is added unconnected.
    s().addStep('manual-trigger', { x: 0, y: 300 }, 'h');
    expect(s().edges).toHaveLength(1);
  });

  it('tracks dirty against the saved graph, including undo back to it', () => {
    const { s } = setup(twoSteps);
    s().addStep('http-request', { x: 0, y: 0 });
    expect(s().dirty).toBe(true);
    s().undo();
    expect(s().dirty).toBe(false);
    s().redo();
    expect(s().dirty).toBe(true);
  });

  it('markSaved clears dirty and stores the new version, but later edits stay dirty', () => {
    const { s } = setup(twoSteps);
    s().addStep('http-request', { x: 0, y: 0 });
    const sent = graphOf(s());
    s().renameStep('h', 'Fetch');
    s().markSaved(4, sent);
    expect(s().version).toBe(4);
    expect(s().dirty).toBe(true);
    s().markSaved(5, graphOf(s()));
    expect(s().dirty).toBe(false);
  });

  it('selection changes are neither dirty nor undoable', () => {
    const { s } = setup(twoSteps);
    s().selectStep('h');
    s().applyNodeChanges([{ type: 'select', id: 't', selected: true }]);
    expect(s().dirty).toBe(false);
    expect(s().past).toHaveLength(0);
  });

  it('undo and redo walk through add, connect and delete', () => {
    const { s } = setup(twoSteps);
    const id = s().addStep('http-request', { x: 0, y: 200 });
    expect(s().connect({ source: 'h', target: id })).toBe(true);
    s().selectStep(id);
    s().removeSelected();
    expect(s().nodes.map((n) => n.id)).toEqual(['t', 'h']);
    expect(s().edges.map((e) => e.id)).toEqual(['e1']);

    s().undo();
    expect(s().nodes.map((n) => n.id)).toEqual(['t', 'h', id]);
    expect(s().edges).toHaveLength(2);
    s().undo();
    expect(s().edges).toHaveLength(1);
    s().undo();
    expect(graphOf(s())).toEqual(twoSteps);
    s().undo(); // nothing left: no change
    expect(graphOf(s())).toEqual(twoSteps);

    s().redo();
    s().redo();
    expect(s().edges).toHaveLength(2);
    s().redo();
    expect(s().nodes).toHaveLength(2);
  });

  it('a new change after undo drops the redo branch', () => {
    const { s } = setup(twoSteps);
    s().addStep('http-request', { x: 0, y: 0 });
    s().undo();
    s().addStep('manual-trigger', { x: 0, y: 0 });
    s().redo();
    expect(s().nodes.map((n) => n.type)).toEqual(['manual-trigger', 'http-request', 'manual-trigger']);
  });

  it('deleting a step removes the edges attached to it', () => {
    const { s } = setup(twoSteps);
    s().selectStep('h');
    s().removeSelected();
    expect(s().nodes.map((n) => n.id)).toEqual(['t']);
    expect(s().edges).toEqual([]);
  });

  it('deletes a selected edge on its own', () => {
    const { s } = setup(twoSteps);
    s().selectStep(null);
    s().applyEdgeChanges([{ type: 'select', id: 'e1', selected: true }]);
    s().removeSelected();
    expect(s().nodes).toHaveLength(2);
    expect(s().edges).toEqual([]);
    expect(s().dirty).toBe(true);
  });

  it('refuses connections the API would refuse', () => {
    const { s } = setup(twoSteps);
    expect(s().connect({ source: 'h', target: 'h' })).toBe(false);
    expect(s().connect({ source: 'h', target: 't' })).toBe(false);
    expect(s().connect({ source: 't', target: 'h' })).toBe(false);
    const id = s().addStep('http-request', { x: 0, y: 0 });
    expect(s().connect({ source: 'h', target: id })).toBe(true);
    expect(s().connect({ source: id, target: 'h' })).toBe(false);
    expect(s().past).toHaveLength(2);
  });

  it('a drag is one undo step, recorded when it ends', () => {
    const { s } = setup(twoSteps);
    for (const x of [310, 320, 330]) {
      s().applyNodeChanges([{ type: 'position', id: 'h', position: { x, y: 0 }, dragging: true }]);
    }
    expect(s().dirty).toBe(true);
    expect(s().past).toHaveLength(0);
    s().applyNodeChanges([{ type: 'position', id: 'h', position: { x: 340, y: 0 }, dragging: false }]);
    s().moveEnd();
    expect(s().past).toHaveLength(1);
    s().undo();
    expect(s().nodes.find((n) => n.id === 'h')?.position).toEqual({ x: 300, y: 0 });
    expect(s().dirty).toBe(false);
  });

  it('a drag back to where it started leaves the flow clean', () => {
    const { s } = setup(twoSteps);
    s().applyNodeChanges([{ type: 'position', id: 'h', position: { x: 310, y: 0 }, dragging: true }]);
    s().applyNodeChanges([{ type: 'position', id: 'h', position: { x: 300, y: 0 }, dragging: false }]);
    expect(s().dirty).toBe(false);
    expect(s().past).toHaveLength(0);
  });

  it('a burst of settings edits is one undo step; a pause starts another', () => {
    const { s, advance } = setup(twoSteps);
    const config = { endpointId: null, method: 'GET' as const, path: '', headers: [], body: '', autoEncodeURI: true, timeoutMs: 30000 };
    s().updateStepConfig('h', { type: 'http-request', config: { ...config, path: '/a' } });
    advance(300);
    s().updateStepConfig('h', { type: 'http-request', config: { ...config, path: '/ab' } });
    advance(300);
    s().renameStep('h', 'Fetch');
    expect(s().past).toHaveLength(1);
    advance(5000);
    s().updateStepConfig('h', { type: 'http-request', config: { ...config, path: '/abc' } });
    expect(s().past).toHaveLength(2);

    s().undo();
    const h = s().nodes.find((n) => n.id === 'h');
    expect(h?.data.name).toBe('Fetch');
    expect(h?.type === 'http-request' && h.data.config.path).toBe('/ab');
    s().undo();
    expect(graphOf(s())).toEqual(twoSteps);
  });

  it('ignores a config patch of the wrong step type', () => {
    const { s } = setup(twoSteps);
    s().updateStepConfig('h', { type: 'manual-trigger', config: { testPayload: '{"a":1}' } });
    expect(graphOf(s())).toEqual(twoSteps);
    expect(s().dirty).toBe(false);
  });

  it('undo keeps what React Flow measured so nodes do not flicker', () => {
    const { s } = setup(twoSteps);
    s().applyNodeChanges([{ type: 'dimensions', id: 'h', dimensions: { width: 200, height: 80 } }]);
    s().renameStep('h', 'Fetch');
    s().undo();
    expect(s().nodes.find((n) => n.id === 'h')?.measured).toEqual({ width: 200, height: 80 });
  });

  it('a new store starts with the given step selected and no run chosen', () => {
    const store = createFlowStore({ id: 'flow-2', version: 1, graph: twoSteps }, 'h');
    expect(store.getState().nodes.find((n) => n.selected)?.id).toBe('h');
    expect(store.getState().selectedRunId).toBeNull();
    expect(store.getState().past).toHaveLength(0);
  });

  it('adds a custom step instance named after its definition, holding the definition id', () => {
    const { s } = setup(twoSteps);
    const id = s().addStep({ type: 'custom-step', customStepId: 'cs-1', title: 'Notify Slack' }, { x: 0, y: 300 }, 'h');
    const node = s().nodes.find((n) => n.id === id);
    expect(node?.type).toBe('custom-step');
    expect(node?.data.name).toBe('Notify Slack');
    expect(node?.type === 'custom-step' && node.data.config).toEqual({ customStepId: 'cs-1', inputs: {}, endpointId: null });
    expect(s().edges.at(-1)).toMatchObject({ source: 'h', target: id, sourceHandle: null });
  });

  it('connects steps added after a Switch from its first free branch, then default', () => {
    const { s } = setup(twoSteps);
    const sw = s().addStep('switch', { x: 0, y: 300 }, 'h');
    s().updateStepConfig(sw, { type: 'switch', config: { value: '{{trigger.body.kind}}', cases: [{ id: 'c1', value: 'a' }] } });
    const first = s().addStep('http-request', { x: 0, y: 400 }, sw);
    const second = s().addStep('http-request', { x: 300, y: 400 }, sw);
    const third = s().addStep('http-request', { x: 600, y: 400 }, sw);
    const fromSwitch = s().edges.filter((e) => e.source === sw).map((e) => [e.target, e.sourceHandle]);
    expect(fromSwitch).toEqual([
      [first, 'c1'],
      [second, 'default'],
    ]);
    expect(s().edges.some((e) => e.target === third)).toBe(false);
  });

  it('removing a Switch case removes the connections leaving its handle, in the same undo step', () => {
    const { s } = setup(twoSteps);
    const sw = s().addStep('switch', { x: 0, y: 300 }, 'h');
    const config = { value: 'x', cases: [{ id: 'c1', value: 'a' }, { id: 'c2', value: 'b' }] };
    s().updateStepConfig(sw, { type: 'switch', config });
    const target = s().addStep('http-request', { x: 0, y: 400 });
    expect(s().connect({ source: sw, target, sourceHandle: 'c2' })).toBe(true);
    s().updateStepConfig(sw, { type: 'switch', config: { ...config, cases: [{ id: 'c1', value: 'a' }] } });
    expect(s().edges.some((e) => e.source === sw && e.target === target)).toBe(false);
    s().undo();
    expect(s().edges.some((e) => e.source === sw && e.sourceHandle === 'c2')).toBe(true);
  });

  it('refuses connections from a Switch without one of its branch handles', () => {
    const { s } = setup(twoSteps);
    const sw = s().addStep('switch', { x: 0, y: 300 });
    const target = s().addStep('http-request', { x: 0, y: 400 });
    expect(s().connect({ source: sw, target })).toBe(false);
    expect(s().connect({ source: sw, target, sourceHandle: 'nope' })).toBe(false);
    expect(s().connect({ source: sw, target, sourceHandle: 'default' })).toBe(true);
  });
});

describe('flow store across saves', () => {
  it('keeps the undo history when a save lands, so undo works across autosaves', () => {
    const { s } = setup(twoSteps);
    s().addStep('http-request', { x: 0, y: 100 });
    s().markSaved(4, graphOf(s()));
    expect(s().dirty).toBe(false);
    s().undo();
    expect(s().nodes).toHaveLength(2);
    expect(s().dirty).toBe(true);
    expect(s().version).toBe(4);
  });

  it('taking their version after a conflict is one undo step: undo brings mine back', () => {
    const { s } = setup(twoSteps);
    s().renameStep('h', 'Mine');
    const theirs: FlowGraph = { nodes: twoSteps.nodes.slice(0, 1), edges: [] };
    s().takeTheirs({ id: 'flow-1', version: 7, graph: theirs });
    expect(graphOf(s())).toEqual(theirs);
    expect(s().version).toBe(7);
    expect(s().dirty).toBe(false);
    s().undo();
    expect(s().nodes.find((n) => n.id === 'h')?.data.name).toBe('Mine');
    expect(s().dirty).toBe(true);
    expect(s().version).toBe(7);
  });

  it('overwriting with mine bases the next save on the stored version, keeping my graph', () => {
    const { s } = setup(twoSteps);
    s().renameStep('h', 'Mine');
    s().rebaseOn(9);
    expect(s().version).toBe(9);
    expect(s().dirty).toBe(true);
    expect(s().nodes.find((n) => n.id === 'h')?.data.name).toBe('Mine');
  });
});

describe('flow store canvas tools', () => {
  it('duplicates the selection beside it as one undo step, names unique and selected alone', () => {
    const { s } = setup(twoSteps);
    s().selectAll();
    s().duplicateSelected();
    expect(s().nodes.map((n) => n.data.name)).toEqual(['Manual Trigger', 'HTTP Request', 'Manual Trigger 2', 'HTTP Request 2']);
    expect(s().nodes.filter((n) => n.selected).map((n) => n.data.name)).toEqual(['Manual Trigger 2', 'HTTP Request 2']);
    expect(s().edges).toHaveLength(2);
    expect(s().nodes[3]?.position).toEqual({ x: 340, y: 40 });
    s().undo();
    expect(graphOf(s())).toEqual(twoSteps);
  });

  it('keeps notes in the graph, editable, movable and removable with the selection, all undoable', () => {
    const { s } = setup(twoSteps);
    const id = s().addNote({ x: 500, y: 0 });
    s().setNoteText(id, 'Why this flow');
    expect(graphOf(s()).notes).toEqual([{ id, position: { x: 500, y: 0 }, width: 240, height: 140, text: 'Why this flow' }]);
    const undoSteps = s().past.length;
    s().applyNodeChanges([{ type: 'dimensions', id, dimensions: { width: 280, height: 180 }, setAttributes: true, resizing: true }]);
    s().applyNodeChanges([{ type: 'position', id, position: { x: 490, y: 0 } }]);
    s().applyNodeChanges([{ type: 'dimensions', id, dimensions: { width: 300, height: 200 }, resizing: false }]);
    expect(graphOf(s()).notes?.[0]).toMatchObject({ width: 300, height: 200, position: { x: 490, y: 0 } });
    // The whole resize is one undo step.
    expect(s().past.length).toBe(undoSteps + 1);
    s().removeSelected();
    expect(graphOf(s()).notes).toBeUndefined();
    s().undo();
    expect(graphOf(s()).notes?.[0]?.text).toBe('Why this flow');
    // Steps are untouched by note changes.
    expect(graphOf(s()).nodes).toEqual(twoSteps.nodes);
  });

  it('moves steps for Tidy up as one undo step', () => {
    const { s } = setup(twoSteps);
    s().moveSteps(new Map([['h', { x: 0, y: 200 }]]));
    expect(s().nodes.find((n) => n.id === 'h')?.position).toEqual({ x: 0, y: 200 });
    s().undo();
    expect(s().nodes.find((n) => n.id === 'h')?.position).toEqual({ x: 300, y: 0 });
  });

  it('opens a stored `notes: []` clean', () => {
    const store = createFlowStore({ id: 'f', version: 1, graph: { ...twoSteps, notes: [] } });
    store.getState().moveEnd();
    expect(store.getState().dirty).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });
});
