import type { CustomStepLookup } from '../custom-step/custom-step';
import { FlowyardError } from '../errors/flowyard-error';
import { triggerNodeTypes, type FlowGraph, type FlowNode } from '../flow/flow-graph';
import { triggerReferenceName, type ReferenceProblem } from '../flow/reference-check';
import { findReferences, splitReference } from '../flow/references';
import type { StepRecord } from '../run/run-record';
import { bindStep } from '../steps/registry';
import type { CompiledFlow, TriggerPlan } from './compile-flow';

/**
 * A re-run of a past run with its trigger payload: from the start, or `from` one step. Then that
 * step and the steps after it run with the current flow, and every other step is not executed:
 * it takes its recorded outputs (and branch) from the past run's `steps`, or, without a
 * succeeded record there, counts as not taken.
 */
export interface RunRerun {
  /** The past run. */
  runId: string;
  from?: { nodeId: string; steps: readonly StepRecord[] };
}

/** How a re-run from a step treats each node of the plan (built once per run). */
export interface ReplayPlan {
  pastRunId: string;
  fromNodeId: string;
  /** The step picked and every step reachable from it: these run. */
  runs: ReadonlySet<string>;
  /** The past run's record standing for a node that is not run: by node id, else by step name. */
  pastFor(node: FlowNode): StepRecord | undefined;
}

/** The replay plan of a re-run from a step; null for a plain run or re-run (everything runs). */
export function replayPlanOf(compiled: CompiledFlow, plan: TriggerPlan, rerun: RunRerun | undefined): ReplayPlan | null {
  const from = rerun?.from;
  if (rerun === undefined || from === undefined) return null;
  if (!plan.order.includes(from.nodeId)) {
    const message = `Step "${from.nodeId}" is not in this flow (or not reached from the run's trigger)`;
    throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: 'fromNodeId', message }] });
  }
  return { pastRunId: rerun.runId, fromNodeId: from.nodeId, runs: downstreamOf(compiled, from.nodeId), pastFor: pastRecords(from.steps) };
}

/**
 * The references of the steps a re-run from `fromNodeId` would run that the past run's records
 * cannot fill: the referenced step is replayed, but it has no succeeded record in that run (added,
 * or re-created under another id and name, since), or its record has no such output (an output
 * renamed since). References that do not resolve in the current flow at all are
 * `referenceProblems`' to report; they are left out here.
 */
export function replayProblems(
  graph: FlowGraph,
  triggerId: string,
  rerun: { runId: string; from: { nodeId: string; steps: readonly StepRecord[] } },
  compiled: CompiledFlow,
  lookup?: CustomStepLookup,
): ReferenceProblem[] {
  const plan = compiled.triggers.get(triggerId);
  if (plan === undefined) return [];
  const replay = replayPlanOf(compiled, plan, rerun);
  if (replay === null) return [];
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const problems: ReferenceProblem[] = [];
  for (const nodeId of plan.order) {
    if (!replay.runs.has(nodeId)) continue;
    const node = byId.get(nodeId);
    if (node === undefined) continue;
    // The names references may use here, with the outputs the current flow declares, and which of them are replayed.
    const shape: Record<string, readonly string[] | null> = Object.create(null);
    const replayedByName = new Map<string, FlowNode>();
    for (const ancestorId of plan.ancestors.get(nodeId) ?? []) {
      const ancestor = byId.get(ancestorId);
      if (ancestor === undefined) continue;
      const name = isTrigger(ancestor) ? triggerReferenceName : ancestor.data.name;
      shape[name] = ancestor.type === 'custom-step' && lookup?.(ancestor.data.config.customStepId) === undefined ? null : bindStep(ancestor).outputs(lookup);
      if (!replay.runs.has(ancestorId)) replayedByName.set(name, ancestor);
    }
    for (const field of bindStep(node).templates(lookup)) {
      for (const reference of findReferences(field.value)) {
        const target = splitReference(reference, shape);
        if (!target.found) continue;
        const replayed = replayedByName.get(target.stepName);
        if (replayed === undefined) continue;
        const past = replay.pastFor(replayed);
        const problem =
          past?.status !== 'succeeded'
            ? `step "${replayed.data.name}" has no recorded outputs in run ${rerun.runId} (it ${past === undefined ? 'was not in that run' : `ended ${past.status} there`})`
            : target.output !== null && !Object.hasOwn(past.outputs ?? {}, target.output)
              ? `run ${rerun.runId} recorded no output "${target.output}" for step "${replayed.data.name}"`
              : null;
        if (problem !== null) {
          problems.push({ nodeId: node.id, stepName: node.data.name, field: field.field, reference, message: `{{${reference}}} in ${field.label}: ${problem}` });
        }
      }
    }
  }
  return problems;
}

function isTrigger(node: FlowNode): boolean {
  return (triggerNodeTypes as readonly string[]).includes(node.type);
}

function downstreamOf(compiled: CompiledFlow, nodeId: string): Set<string> {
  const reached = new Set([nodeId]);
  const stack = [nodeId];
  while (stack.length > 0) {
    for (const edge of compiled.nodes.get(stack.pop() ?? '')?.outgoing ?? []) {
      if (!reached.has(edge.target)) {
        reached.add(edge.target);
        stack.push(edge.target);
      }
    }
  }
  return reached;
}

function pastRecords(steps: readonly StepRecord[]): (node: FlowNode) => StepRecord | undefined {
  const byNode = new Map(steps.map((step) => [step.nodeId, step]));
  const byName = new Map(steps.map((step) => [step.name, step]));
  return (node) => byNode.get(node.id) ?? byName.get(node.data.name);
}
