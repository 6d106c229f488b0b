import type { EndpointResolver } from '../endpoint/endpoint';
import { FlowyardError } from '../errors/flowyard-error';
import type { FlowGraph } from '../flow/flow-graph';
import type { UpstreamSource } from '../flow/step-pins';
import type { HttpClient } from '../http/http-types';
import type { Json, RunUser, StepRecord } from '../run/run-record';
import { compileFlow } from './compile-flow';
import type { FlowScripting } from './flow-scripting';
import { runFlow } from './run-flow';

export interface TestStepOptions {
  /** The test's id; its record carries it as `runId`. */
  testId: string;
  user: RunUser;
  flow: { id: string; version: number; graph: FlowGraph };
  nodeId: string;
  /** The flow's last run, whose recorded outputs fill the step's references (pins win). */
  lastRun?: { triggerNodeId: string; steps: readonly StepRecord[] } | undefined;
  endpoints: EndpointResolver;
  http: HttpClient;
  scripting?: FlowScripting;
  now?: () => Date;
  newId?: () => string;
  signal?: AbortSignal;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface StepTestResult {
  /** The step's record, scrubbed as a run's: inputs, outputs, console lines, exchanges, error, tries. */
  record: StepRecord;
  /** Where each upstream step's outputs came from. */
  upstream: Record<string, UpstreamSource>;
}

/**
 * Runs one step on its own ("Test step"), through runFlow itself: the steps upstream of it do not
 * run but stand in with their pinned outputs, else their outputs in the flow's last run, else
 * nothing (references to them then fail as they would in a run); no step downstream runs.
 */
export async function testStep(options: TestStepOptions): Promise<StepTestResult> {
  const { graph } = options.flow;
  const compiled = compileFlow(graph);
  const entry = compiled.nodes.get(options.nodeId);
  if (entry === undefined) throw new FlowyardError('NOT_FOUND', 'That step is not in the saved flow', { details: { nodeId: options.nodeId } });
  if (entry.step.kind === 'trigger') {
    const message = 'A trigger cannot be tested on its own; run the flow instead';
    throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: 'nodeId', message }] });
  }
  const reaching = [...compiled.triggers.values()].filter((plan) => plan.order.includes(options.nodeId));
  const plan = reaching.find((candidate) => candidate.triggerId === options.lastRun?.triggerNodeId) ?? reaching[0];
  if (plan === undefined) {
    const message = 'Connect this step to a trigger to test it: its references are resolved from the steps before it';
    throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: 'nodeId', message }] });
  }

  const upstreamIds = plan.ancestors.get(options.nodeId) ?? [];
  const keep = new Set([...upstreamIds, options.nodeId]);
  const recorded = new Map((options.lastRun?.steps ?? []).map((step) => [step.nodeId, step]));
  const pins: Record<string, Record<string, Json>> = Object.create(null);
  const upstream: Record<string, UpstreamSource> = {};
  for (const id of upstreamIds) {
    const node = compiled.nodes.get(id);
    if (node === undefined) continue;
    const pin = node.step.kind === 'action' ? graph.pins?.[id] : undefined;
    const record = recorded.get(id);
    // A succeeded step's outputs, or a failure its onFailure continued past.
    const fromRun = record !== undefined && record.outputs !== null && (record.status === 'succeeded' || record.status === 'failed') ? record.outputs : undefined;
    pins[id] = pin?.outputs ?? fromRun ?? {};
    upstream[node.node.data.name] = pin !== undefined ? 'pin' : fromRun !== undefined ? 'run' : 'none';
  }

  const part: FlowGraph = {
    nodes: graph.nodes.filter((node) => keep.has(node.id)),
    edges: graph.edges.filter((edge) => keep.has(edge.source) && keep.has(edge.target)),
  };
  let record: StepRecord | undefined;
  await runFlow({
    runId: options.testId,
    user: options.user,
    flow: { id: options.flow.id, version: options.flow.version, graph: part },
    trigger: { nodeId: plan.triggerId, payload: null, type: 'manual' },
    endpoints: options.endpoints,
    http: options.http,
    ...(options.scripting === undefined ? {} : { scripting: options.scripting }),
    pins,
    sink: (event) => {
      if (event.type === 'step' && event.step.nodeId === options.nodeId) record = event.step;
    },
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.newId === undefined ? {} : { newId: options.newId }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    ...(options.random === undefined ? {} : { random: options.random }),
  });
  if (record === undefined) throw new FlowyardError('VALIDATION_FAILED', 'The step did not run', { details: { nodeId: options.nodeId } });
  return { record, upstream };
}
