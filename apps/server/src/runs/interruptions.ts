import { FlowyardError, type StepError } from '@flowyard/engine';

/** Why runs of this process were cut short; each becomes the error of the run and of its running steps. */
export const interruptions = {
  /** Shutdown (stopAll) and, at the next start, whatever the previous process left running. */
  serverStopped: () => new FlowyardError('RUN_INTERRUPTED', 'The server stopped while the run was in flight'),
  flowDeleted: () => new FlowyardError('RUN_INTERRUPTED', 'The flow was deleted while the run was in flight'),
  /** The run could not go on (its records could not be written); the server log has the cause. */
  crashed: () => new FlowyardError('RUN_INTERRUPTED', 'The run stopped unexpectedly; the server log has the details'),
};

/** The error an interruption leaves in a run or step record. */
export function interruptionRecord(error: FlowyardError): StepError {
  return { code: error.code, message: error.message, details: {} };
}
