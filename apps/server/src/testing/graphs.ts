import type { FlowSaveInput } from '@flowyard/engine';

type GraphInput = FlowSaveInput['graph'];

export interface TestStep {
  id: string;
  name: string;
  endpointId: string | null;
  path?: string;
}

/** A Manual trigger followed by HTTP Request steps in a chain. */
export function chainGraph(steps: TestStep[]): GraphInput {
  const nodes: GraphInput['nodes'] = [
    { id: 'trigger', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual trigger', config: {} } },
    ...steps.map((step, index) => ({
      id: step.id,
      type: 'http-request' as const,
      position: { x: 0, y: 120 * (index + 1) },
      data: { name: step.name, config: { endpointId: step.endpointId, method: 'GET' as const, path: step.path ?? '/hello' } },
    })),
  ];
  const ids = ['trigger', ...steps.map((s) => s.id)];
  const edges = ids.slice(1).map((target, index) => ({ id: `e-${index}`, source: ids[index] ?? 'trigger', target }));
  return { nodes, edges };
}

export interface TestCustomStep {
  id: string;
  name: string;
  customStepId: string;
  /** Input id → value. */
  inputs?: Record<string, string>;
  endpointId?: string | null;
}

/** A Manual trigger followed by custom step instances in a chain. */
export function customChainGraph(steps: TestCustomStep[]): GraphInput {
  const nodes: GraphInput['nodes'] = [
    { id: 'trigger', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual trigger', config: {} } },
    ...steps.map((step, index) => ({
      id: step.id,
      type: 'custom-step' as const,
      position: { x: 0, y: 120 * (index + 1) },
      data: { name: step.name, config: { customStepId: step.customStepId, inputs: step.inputs ?? {}, endpointId: step.endpointId ?? null } },
    })),
  ];
  const ids = ['trigger', ...steps.map((s) => s.id)];
  const edges = ids.slice(1).map((target, index) => ({ id: `e-${index}`, source: ids[index] ?? 'trigger', target }));
  return { nodes, edges };
}
