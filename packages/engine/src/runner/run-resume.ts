import { FlowyardError } from '../errors/flowyard-error';
import { isoTime } from '../run/iso-time';
import type { RunSummary, StepError, StepRecord } from '../run/run-record';

/**
 * A later attempt of a run that a worker takes over after the one running it stopped. Steps whose
 * record says they finished are not run again: a succeeded step's recorded outputs (and branch)
 * feed what follows, a failed one still fails the run; skips are decided again (the same way). Steps recorded
 * `running` or `interrupted`, and those without a record, run now (at least once: see
 * docs/architecture.md).
 */
export interface RunResume {
  /** The attempt now starting: 2 for the first takeover. */
  attempt: number;
  /** Past this attempt number the run is not resumed but ends `interrupted` with RUN_INTERRUPTED. */
  maxAttempts: number;
  /** The run's first start, kept as the run's start. */
  startedAt: string;
  /** The run's step records as stored by earlier attempts (one per node; a later one for a node wins). */
  steps: readonly StepRecord[];
}

const noPriorSteps: ReadonlyMap<string, StepRecord> = new Map();

/** The records of earlier attempts by node id; empty for a first attempt. */
export function priorStepsOf(resume: RunResume | undefined): ReadonlyMap<string, StepRecord> {
  if (resume === undefined) return noPriorSteps;
  checkAttempts(resume);
  return new Map(resume.steps.map((step) => [step.nodeId, step]));
}

/** True when the attempt about to start is past the run's maximum. */
export function attemptsRanOut(resume: RunResume): boolean {
  return resume.attempt > resume.maxAttempts;
}

/**
 * The records that end a run whose attempts ran out, run nothing: each step still recorded
 * `running` and then the run itself end `interrupted` with RUN_INTERRUPTED, and the run keeps the
 * number of the last attempt that ran.
 */
export function attemptsRanOutRecords(run: RunSummary, resume: RunResume, at: Date): { steps: StepRecord[]; run: RunSummary } {
  checkAttempts(resume);
  const attempts = resume.attempt - 1;
  const error: StepError = {
    code: 'RUN_INTERRUPTED',
    message: `The run was interrupted ${plural(attempts, 'time')}; it was stopped after ${plural(attempts, 'attempt')}`,
    details: { attempts },
  };
  const finishedAt = isoTime(at);
  const steps = resume.steps.flatMap((step): StepRecord[] => (step.status === 'running' ? [{ ...step, status: 'interrupted', finishedAt, error }] : []));
  const durationMs = sinceMs(resume.startedAt, finishedAt);
  return { steps, run: { ...run, status: 'interrupted', startedAt: resume.startedAt, finishedAt, durationMs, error, attempt: attempts } };
}

/** Milliseconds between two ISO times (a run's duration across attempts, which ran in other processes). */
export function sinceMs(startedAt: string, finishedAt: string): number {
  return Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function checkAttempts(resume: RunResume): void {
  const problem = !Number.isInteger(resume.attempt) || resume.attempt < 1 ? 'attempt' : !Number.isInteger(resume.maxAttempts) || resume.maxAttempts < 1 ? 'maxAttempts' : null;
  if (problem !== null) {
    const message = `${problem} must be a whole number of at least 1`;
    throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: `resume.${problem}`, message }] });
  }
}
