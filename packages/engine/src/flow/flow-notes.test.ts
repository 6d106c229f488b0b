import { describe, expect, it } from 'vitest';
import { compileFlow } from '../runner/compile-flow';
import { remapFlowGraph } from '../export/remap-graph';
import { flowGraphSchema } from './flow-graph';
import { topologicalOrder } from './graph-order';
import { referenceProblems } from './reference-check';

const position = { x: 0, y: 0 };
const graph = {
  nodes: [
    { id: 't', type: 'manual-trigger', position, data: { name: 'Manual Trigger', config: {} } },
    { id: 's', type: 'switch', position, data: { name: 'Route', config: { value: '{{trigger.body.kind}}', cases: [] } } },
  ],
  edges: [{ id: 'e', source: 't', target: 's', sourceHandle: null }],
  notes: [{ id: 'n1', position: { x: 400, y: 0 }, width: 200, height: 120, text: '# Why\nCalls {{Nowhere.status}} – not a step' }],
};

describe('sticky notes in a flow graph', () => {
  it('are saved with the graph and bounded like everything else', () => {
    const parsed = flowGraphSchema.parse(graph);
    expect(parsed.notes).toEqual(graph.notes);
    expect(flowGraphSchema.parse({ nodes: [], edges: [] }).notes).toBeUndefined();
    const long = flowGraphSchema.safeParse({ ...graph, notes: [{ ...graph.notes[0], text: 'x'.repeat(10_001) }] });
    expect(long.success).toBe(false);
  });

  it('never share an id with a step or another note, and no connection may end at one', () => {
    const clash = flowGraphSchema.safeParse({ ...graph, notes: [{ ...graph.notes[0], id: 's' }] });
    expect(clash.error?.issues.map((i) => i.path.join('.'))).toContain('notes.0.id');
    const edgeToNote = flowGraphSchema.safeParse({ ...graph, edges: [...graph.edges, { id: 'x', source: 's', target: 'n1', sourceHandle: 'default' }] });
    expect(edgeToNote.error?.issues.map((i) => i.message)).toContain('Connection ends at unknown step "n1"');
  });

  it('are left out of compile order, reference checks and runs', () => {
    const parsed = flowGraphSchema.parse(graph);
    expect(topologicalOrder(parsed)).toEqual(['t', 's']);
    expect(compileFlow(parsed).triggers.get('t')?.order).toEqual(['t', 's']);
    expect([...compileFlow(parsed).nodes.keys()]).toEqual(['t', 's']);
    // The note's text holds a reference-looking string; only step settings are checked.
    expect(referenceProblems(parsed)).toEqual([]);
  });

  it('travel through export and import unchanged', () => {
    const parsed = flowGraphSchema.parse(graph);
    expect(remapFlowGraph(parsed, { endpoints: new Map(), customSteps: new Map() }).notes).toEqual(graph.notes);
  });
});

describe('flow size bounds', () => {
  const steps = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, type: 'find-user', position, data: { name: `Find ${i}`, config: {} } }));

  it('holds up to 1,000 steps and refuses more, naming the bound', () => {
    expect(flowGraphSchema.safeParse({ nodes: steps(1000), edges: [] }).success).toBe(true);
    const over = flowGraphSchema.safeParse({ nodes: steps(1001), edges: [] });
    expect(over.error?.issues[0]?.message).toBe('A flow holds at most 1000 steps');
  });
});
