import type { CustomStepLookup } from '../custom-step/custom-step';
import { bindStep } from '../steps/registry';
import { manualTriggerOutputs } from '../steps/manual-trigger/manual-trigger-config';
import { triggerNodeTypes, type FlowGraph, type FlowNode } from './flow-graph';
import { topologicalOrder, upstreamNodeIds } from './graph-order';
import { findReferences, splitReference } from './references';

/** The name references use for the trigger's outputs, whatever the trigger step is called. */
export const triggerReferenceName = 'trigger';

/** A step upstream of another, with the outputs references can use. */
export interface UpstreamStep {
  nodeId: string;
  stepName: string;
  /** How references name it: `trigger` for triggers, otherwise the step name. */
  referenceName: string;
  outputs: string[];
}

/** A `{{…}}` reference that does not point at the trigger or an upstream step's output. */
export interface ReferenceProblem {
  nodeId: string;
  stepName: string;
  /** Dotted path under the node's config (`path`, `headers.0.value`, `inputs.<input id>`, `cases.1.value`). */
  field: string;
  /** The reference as written between the braces, trimmed. */
  reference: string;
  message: string;
}

const isTrigger = (node: FlowNode): boolean => (triggerNodeTypes as readonly string[]).includes(node.type);

/**
 * The steps upstream of `nodeId` and their outputs, trigger first, then in flow order: what the
 * settings panel lists for inserting references. Custom steps need `lookup` for their outputs.
 */
export function upstreamOutputs(graph: Pick<FlowGraph, 'nodes' | 'edges'>, nodeId: string, lookup?: CustomStepLookup): UpstreamStep[] {
  const upstream = upstreamNodeIds(graph, nodeId);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const steps: UpstreamStep[] = [];
  for (const id of topologicalOrder(graph)) {
    const node = byId.get(id);
    if (node === undefined || !upstream.has(id)) continue;
    steps.push({
      nodeId: node.id,
      stepName: node.data.name,
      referenceName: isTrigger(node) ? triggerReferenceName : node.data.name,
      outputs: [...bindStep(node).outputs(lookup)],
    });
  }
  return steps.sort((a, b) => Number(b.referenceName === triggerReferenceName) - Number(a.referenceName === triggerReferenceName));
}

/**
 * Every reference in the graph's step settings that cannot resolve when the flow runs: an
 * unknown step, a step that is not upstream, or an output the step does not have. The canvas
 * flags them; starting a run refuses a flow that has any. Custom steps need `lookup` to have
 * their inputs and outputs checked by label (without it any output name is accepted).
 */
export function referenceProblems(graph: Pick<FlowGraph, 'nodes' | 'edges'>, lookup?: CustomStepLookup): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const outputsOf = (node: FlowNode): readonly string[] | null => {
    if (node.type === 'custom-step' && lookup?.(node.data.config.customStepId) === undefined) return null;
    return bindStep(node).outputs(lookup);
  };
  const everyStep: Record<string, readonly string[] | null> = {};
  for (const node of graph.nodes) everyStep[node.data.name] = outputsOf(node);

  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  for (const node of graph.nodes) {
    const fields = bindStep(node).templates(lookup);
    if (!fields.some((field) => field.value.includes('{{'))) continue;
    const upstream = [...upstreamNodeIds(graph, node.id)].flatMap((id) => byId.get(id) ?? []);
    const visible: Record<string, readonly string[] | null> = {};
    const triggers = upstream.filter(isTrigger);
    visible[triggerReferenceName] = triggers.length === 0 ? manualTriggerOutputs : [...new Set(triggers.flatMap((t) => outputsOf(t) ?? []))];
    for (const step of upstream) visible[step.data.name] = outputsOf(step);

    for (const field of fields) {
      for (const reference of findReferences(field.value)) {
        const problem = explain(reference, node, visible, everyStep);
        if (problem !== null) {
          problems.push({ nodeId: node.id, stepName: node.data.name, field: field.field, reference, message: `{{${reference}}} in ${field.label}: ${problem}` });
        }
      }
    }
  }
  return problems;
}

function explain(
  reference: string,
  node: FlowNode,
  visible: Record<string, readonly string[] | null>,
  everyStep: Record<string, readonly string[] | null>,
): string | null {
  if (reference === '') return 'the reference is empty';
  const target = splitReference(reference, visible);
  if (target.found) return null;
  if (target.stepName !== null) return target.problem;
  const elsewhere = splitReference(reference, everyStep);
  if (elsewhere.stepName === null) return `there is no step named "${reference.split('.')[0] ?? ''}"`;
  if (elsewhere.stepName.toLowerCase() === node.data.name.toLowerCase()) return 'a step cannot use its own outputs';
  return `step "${elsewhere.stepName}" is not upstream of this step; connect it before this step`;
}
