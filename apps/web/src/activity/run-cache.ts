import type { RunSummary, StepRecord } from '@flowyard/engine/schemas';

/** A page of `runs.list`. */
export interface RunPage {
  items: RunSummary[];
  nextCursor: string | null;
}

/** A `runs.get` result. */
export interface RunDetail {
  run: RunSummary;
  steps: StepRecord[];
}

const newestFirst = (a: RunSummary, b: RunSummary) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0);

/** The list with `run` replaced (by id) or added, kept newest first. */
export function upsertRun(page: RunPage, run: RunSummary): RunPage {
  const exists = page.items.some((r) => r.id === run.id);
  const items = exists ? page.items.map((r) => (r.id === run.id ? run : r)) : [run, ...page.items];
  return { ...page, items: [...items].sort(newestFirst) };
}

/** The run's detail with `step` replaced (by id) or appended in start order. */
export function upsertStep(detail: RunDetail, step: StepRecord): RunDetail {
  if (step.runId !== detail.run.id) return detail;
  const exists = detail.steps.some((s) => s.id === step.id);
  const steps = exists ? detail.steps.map((s) => (s.id === step.id ? step : s)) : [...detail.steps, step];
  // Stable sort: steps that started at the same moment keep the order they were reported in.
  return { ...detail, steps: steps.map((s, i) => [s, i] as const).sort(([a, i], [b, j]) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : i - j)).map(([s]) => s) };
}

/** The step the details pane shows when the user has not picked one: the failure, else the latest. */
export function defaultStep(steps: readonly StepRecord[]): StepRecord | undefined {
  return steps.find((s) => s.status === 'failed') ?? steps.at(-1);
}
