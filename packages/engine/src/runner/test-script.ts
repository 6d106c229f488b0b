import type { CustomStepBody } from '../custom-step/custom-step';
import type { ScriptTestResult } from '../custom-step/script-test';
import type { EndpointResolver } from '../endpoint/endpoint';
import { FlowyardError } from '../errors/flowyard-error';
import { flowGraphSchema } from '../flow/flow-graph';
import type { HttpClient } from '../http/http-types';
import type { RunUser, StepRecord } from '../run/run-record';
import type { FlowScripting } from './flow-scripting';
import { runFlow } from './run-flow';

const TRIGGER_ID = 'script-test-trigger';
const STEP_ID = 'script-test-step';
const DEFINITION_ID = 'script-test-definition';

export interface TestScriptOptions {
  /** The test's id: its record's `runId`, and the run credential's for the built-in endpoint. */
  testId: string;
  user: RunUser;
  /** The custom step as edited; its script need not be saved. */
  step: CustomStepBody;
  /** Sample values by input label (labels the step lacks are ignored). */
  inputs: Readonly<Record<string, string>>;
  /** The endpoint bound to the step's endpoint label, if the step has one. */
  endpointId: string | null;
  endpoints: EndpointResolver;
  http: HttpClient;
  scripting: Omit<FlowScripting, 'customSteps'>;
  now?: () => Date;
  newId?: () => string;
  signal?: AbortSignal;
}

/**
 * Runs a custom step's script once with sample inputs ("Test script"), through runFlow itself:
 * a one-step flow of a manual trigger and an instance of the step, so the script meets the same
 * inputs, endpoints, limits and redaction as in a run. Nothing is recorded; the step's record
 * (scrubbed as a run's) is the answer.
 */
export async function testScript(options: TestScriptOptions): Promise<ScriptTestResult> {
  const { step } = options;
  const inputs: Record<string, string> = {};
  for (const input of step.inputs) {
    const value = options.inputs[input.label];
    if (value !== undefined) inputs[input.id] = value;
  }
  const graph = flowGraphSchema.parse({
    nodes: [
      { id: TRIGGER_ID, type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Test', config: {} } },
      {
        id: STEP_ID,
        type: 'custom-step',
        position: { x: 0, y: 0 },
        data: { name: step.name, config: { customStepId: DEFINITION_ID, inputs, endpointId: step.includeEndpoint ? options.endpointId : null } },
      },
    ],
    edges: [{ id: 'script-test-edge', source: TRIGGER_ID, target: STEP_ID }],
  });
  let record: StepRecord | undefined;
  await runFlow({
    runId: options.testId,
    user: options.user,
    flow: { id: `script-test:${options.testId}`, version: 1, graph },
    trigger: { nodeId: TRIGGER_ID, payload: null, type: 'manual' },
    endpoints: options.endpoints,
    http: options.http,
    scripting: { ...options.scripting, customSteps: { get: async (id) => (id === DEFINITION_ID ? { id, ...step } : undefined) } },
    pins: {},
    sink: (event) => {
      if (event.type === 'step' && event.step.nodeId === STEP_ID) record = event.step;
    },
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.newId === undefined ? {} : { newId: options.newId }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (record === undefined) throw new FlowyardError('VALIDATION_FAILED', 'The script did not run');
  const { status, durationMs, inputs: shown, outputs, logs, exchanges, error } = record;
  return { status, durationMs, inputs: shown, outputs, logs, exchanges, error };
}
