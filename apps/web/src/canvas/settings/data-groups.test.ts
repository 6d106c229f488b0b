import type { StepRecord, UpstreamStep } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import type { CanvasNode } from '../flow-store';
import { dataGroups, searchGroups } from './data-groups';

const trigger: CanvasNode = {
  id: 't',
  type: 'manual-trigger',
  position: { x: 0, y: 0 },
  data: { name: 'Manual Trigger', config: { testPayload: '{"sample": {"id": 1}}' } },
};
const steps: (UpstreamStep & { node?: CanvasNode })[] = [
  { nodeId: 't', stepName: 'Manual Trigger', referenceName: 'trigger', outputs: ['body'], node: trigger },
  { nodeId: 'get', stepName: 'Get User', referenceName: 'Get User', outputs: ['status', 'headers', 'body'] },
];
const shape = { trigger: ['body'], 'Get User': ['status', 'headers', 'body'] };
const record = (nodeId: string, outputs: StepRecord['outputs']) => ({ nodeId, outputs });

describe('dataGroups', () => {
  it('without a run: the trigger’s test payload, and the declared outputs of the others', () => {
    const groups = dataGroups(steps, null, shape);
    expect(groups[0]).toMatchObject({ source: 'test payload', fields: [{ path: ['body'], value: { sample: { id: 1 } } }] });
    expect(groups[1]).toMatchObject({ source: 'declared', references: ['Get User.status', 'Get User.headers', 'Get User.body'] });
  });

  it('with a run: the recorded outputs; a step missing from it falls back to its declared outputs', () => {
    const run = { steps: [record('get', { status: 200, body: { name: 'Ann' } })] };
    const groups = dataGroups(steps, run, shape);
    expect(groups[0]).toMatchObject({ source: 'declared', references: ['trigger.body'] });
    expect(groups[1]).toMatchObject({ source: 'run', fields: [{ path: ['status'] }, { path: ['body'] }] });
  });
});

describe('searchGroups', () => {
  const run = { steps: [record('t', { body: { city: 'Oslo' } }), record('get', { status: 200, body: { name: 'Ann' } })] };
  const groups = dataGroups(steps, run, shape);

  it('keeps groups with matching fields, with their search', () => {
    const [t, get] = searchGroups(groups, 'ann');
    expect(t?.visible).toBe(false);
    expect(get?.visible).toBe(true);
    expect(get?.search?.matches.size).toBe(1);
  });

  it('keeps a whole group whose step name matches, and filters declared references by text', () => {
    const declared = dataGroups(steps, { steps: [] }, shape);
    expect(searchGroups(declared, 'head').map((g) => g.shownReferences)).toEqual([[], ['Get User.headers']]);
    const [, get] = searchGroups(groups, 'get us');
    expect(get).toMatchObject({ visible: true, search: null });
  });

  it('shows everything for an empty search', () => {
    expect(searchGroups(groups, ' ').every((g) => g.visible && g.search === null)).toBe(true);
  });
});
