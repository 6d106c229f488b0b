import { isFlowyardError } from '../errors/flowyard-error';
import type { FlowNode } from '../flow/flow-graph';
import type { StepError } from '../run/run-record';
import { toJsonRecord } from './to-json';

/** Why an aborted run (and each step it cut short) ended: the abort reason when it says so, else RUN_INTERRUPTED. */
export function interruption(reason: unknown): StepError {
  if (isFlowyardError(reason) && (reason.code === 'RUN_INTERRUPTED' || reason.code === 'RUN_STOPPED')) {
    return { code: reason.code, message: reason.message, details: toJsonRecord(reason.details) };
  }
  return { code: 'RUN_INTERRUPTED', message: 'The run was stopped before it finished', details: {} };
}

/** A failed step's error as the run's: where it failed is added to its details. */
export function runFailure(error: StepError, node: FlowNode): StepError {
  return { ...error, details: { ...error.details, step: node.data.name, nodeId: node.id } };
}

/** A step's error for its record: FlowyardErrors keep their code; anything else is a bug shown as such. */
export function stepError(error: unknown, stepName: string): StepError {
  if (isFlowyardError(error)) return { code: error.code, message: error.message, details: toJsonRecord(error.details) };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'SCRIPT_ERROR', message: `Unexpected error in step "${stepName}": ${message}`, details: { unexpected: true } };
}
