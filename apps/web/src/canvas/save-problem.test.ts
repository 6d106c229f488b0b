import type { FlowGraph } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { describeIssue, saveProblemOf } from './save-problem';

const graph: FlowGraph = {
  nodes: [
    { id: 't', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
    {
      id: 'h',
      type: 'http-request',
      position: { x: 0, y: 0 },
      data: {
        name: 'Fetch',
        config: { endpointId: null, method: 'GET', path: '', headers: [], body: '', autoEncodeURI: true, timeoutMs: 30000 },
      },
    },
  ],
  edges: [],
};

describe('describeIssue', () => {
  it('names the step an issue belongs to', () => {
    expect(describeIssue({ path: 'graph.nodes.1.data.config.endpointId', message: 'Unknown endpoint' }, graph)).toBe(
      'Fetch › endpointId: Unknown endpoint',
    );
    expect(describeIssue({ path: 'graph.nodes.1.data.name', message: 'Taken' }, graph)).toBe('Fetch › name: Taken');
    expect(describeIssue({ path: 'nodes.0', message: 'Bad' }, graph)).toBe('Manual Trigger: Bad');
  });

  it('falls back to the path, or the message alone', () => {
    expect(describeIssue({ path: 'graph.edges', message: 'Loop' }, graph)).toBe('edges: Loop');
    expect(describeIssue({ path: 'graph.nodes.9.id', message: 'Gone' }, graph)).toBe('nodes.9.id: Gone');
    expect(describeIssue({ path: '', message: 'Nope' }, graph)).toBe('Nope');
  });
});

describe('saveProblemOf', () => {
  it('tells a conflict apart from invalid input', () => {
    expect(saveProblemOf({ code: 'CONFLICT', message: 'stale', issues: [], details: {} }, graph).kind).toBe('conflict');
    const invalid = saveProblemOf(
      { code: 'VALIDATION_FAILED', message: 'Invalid flow', issues: [{ path: 'graph.edges', message: 'Loop' }], details: {} },
      graph,
    );
    expect(invalid).toEqual({ kind: 'invalid', message: 'Invalid flow', issues: ['edges: Loop'] });
  });
});
