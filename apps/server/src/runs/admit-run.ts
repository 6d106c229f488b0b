import { compileFlow, FlowyardError, referenceProblems, triggerNodeTypes, type CustomStepDefinition, type Flow, type FlowNode, type Json, type ReferenceProblem, type RunTriggerType } from '@flowyard/engine';

// What admitting a run decides before anything is written: which trigger, with what payload, and
// whether the steps it reaches can resolve their references.

/**
 * The trigger's payload: a call to an HTTP trigger's URL brings the request envelope; a Run
 * button click (or an integration's flows.start) on an HTTP trigger sends its payload as the request body.
 */
export function triggerPayload(trigger: FlowNode, payload: Json, via: RunTriggerType): Json {
  return trigger.type === 'http-trigger' && via !== 'http' ? { body: payload, headers: {}, query: {} } : payload;
}

/** Whether the node starts runs (Manual Trigger, HTTP Trigger…). */
export function isTrigger(node: FlowNode): boolean {
  return (triggerNodeTypes as readonly string[]).includes(node.type);
}

/** Picks the trigger a run starts from: the one asked for, or the flow's only trigger. */
export function chooseTrigger(nodes: FlowNode[], triggerNodeId: string | undefined): FlowNode {
  const triggers = nodes.filter(isTrigger);
  if (triggerNodeId !== undefined) {
    const chosen = triggers.find((node) => node.id === triggerNodeId);
    if (!chosen) {
      throw new FlowyardError('VALIDATION_FAILED', 'That trigger is not in this flow', {
        issues: [{ path: 'triggerNodeId', message: 'That trigger is not in this flow (save the flow first?)' }],
      });
    }
    return chosen;
  }
  const [only, ...others] = triggers;
  if (!only) {
    throw new FlowyardError('VALIDATION_FAILED', 'This flow has no trigger; add a Manual trigger and save the flow', {
      issues: [{ path: 'triggerNodeId', message: 'This flow has no trigger; add a Manual trigger and save the flow' }],
    });
  }
  if (others.length > 0) {
    throw new FlowyardError('VALIDATION_FAILED', 'This flow has several triggers; choose which one to run', {
      issues: [{ path: 'triggerNodeId', message: 'This flow has several triggers; choose which one to run' }],
    });
  }
  return only;
}

/** Flow version → trigger → the definitions it passed the reference check with. */
const referencesChecked = new WeakMap<Flow, Map<string, ReadonlyMap<string, CustomStepDefinition>>>();

/**
 * Refuses a run whose steps (those the trigger reaches) hold references that cannot resolve:
 * VALIDATION_FAILED with one issue per reference, at the node's setting.
 */
export function checkReferences(flow: Flow, triggerId: string, definitions: ReadonlyMap<string, CustomStepDefinition>): void {
  // One saved version checked against one set of definitions passes or fails the same way every time.
  const passed = referencesChecked.get(flow);
  if (passed?.get(triggerId) === definitions) return;
  const reached = new Set(compileFlow(flow.graph).triggers.get(triggerId)?.order ?? []);
  const problems = referenceProblems(flow.graph, (id) => definitions.get(id)).filter((problem) => reached.has(problem.nodeId));
  if (problems.length === 0) {
    const checked = passed ?? new Map<string, ReadonlyMap<string, CustomStepDefinition>>();
    checked.set(triggerId, definitions);
    referencesChecked.set(flow, checked);
    return;
  }
  throw referencesRefused(flow, problems, (count) => `This flow has ${count}`);
}

/** VALIDATION_FAILED with one issue per reference, at the node's setting; `lead` says what has `count`. */
export function referencesRefused(flow: Flow, problems: readonly ReferenceProblem[], lead: (count: string) => string): FlowyardError {
  const indexOf = new Map(flow.graph.nodes.map((node, index) => [node.id, index]));
  const issues = problems.map((problem) => ({ path: `graph.nodes.${indexOf.get(problem.nodeId) ?? 0}.data.config.${problem.field}`, message: `Step "${problem.stepName}": ${problem.message}` }));
  const count = problems.length === 1 ? 'a reference that cannot resolve' : `${problems.length} references that cannot resolve`;
  return new FlowyardError('VALIDATION_FAILED', `${lead(count)}: ${issues.map((issue) => issue.message).join('; ')}`, {
    issues,
    details: { references: problems.map((problem) => ({ ...problem })) },
  });
}
