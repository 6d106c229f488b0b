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

/** Infinite `runs.list` data: the pages fetched so far. */
export interface RunPages {
  pages: RunPage[];
  pageParams: unknown[];
}

/**
 * The pages with `run` as heard live: replaced where it is, added to the first page when new,
 * and taken out when it no longer `belongs` (a filter it stopped matching).
 */
export function upsertRunPages<T extends RunPages>(data: T, run: RunSummary, belongs: boolean): T {
  const present = data.pages.some((page) => page.items.some((r) => r.id === run.id));
  if (!belongs) return present ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((r) => r.id !== run.id) })) } : data;
  if (present) return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((r) => (r.id === run.id ? run : r)) })) };
  const [first, ...rest] = data.pages;
  return first === undefined ? data : { ...data, pages: [upsertRun(first, run), ...rest] };
}

/** Whether the pages hold the run. */
export function pagesHold(data: RunPages, runId: string): boolean {
  return data.pages.some((page) => page.items.some((r) => r.id === runId));
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
