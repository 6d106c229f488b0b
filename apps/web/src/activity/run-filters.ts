import { runStatuses, runTriggerTypes, type RunStatus, type RunSummary, type RunTriggerType } from '@flowyard/engine/schemas';

/** What the run lists are narrowed to; kept in the URL (`?status=failed&trigger=http&user=…&from=…&to=…&flow=…`) so a link shows the same list. */
export interface RunFilters {
  status?: RunStatus;
  trigger?: RunTriggerType;
  userId?: string;
  /** ISO instants: runs started at or after `from`, and before `to`. */
  from?: string;
  to?: string;
  /** The Activity page's flow filter. */
  flowId?: string;
}

const params = { status: 'status', trigger: 'trigger', userId: 'user', from: 'from', to: 'to', flowId: 'flow' } as const satisfies Record<keyof RunFilters, string>;

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

function instant(value: string | null): string | undefined {
  if (value === null || value === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function text(value: string | null): string | undefined {
  return value === null || value.trim() === '' ? undefined : value.trim().slice(0, 200);
}

/** The filters a URL's search string holds; values that do not parse are left out (a hand-edited link still opens). */
export function readRunFilters(search: string): RunFilters {
  const query = new URLSearchParams(search);
  const status = query.get(params.status);
  const trigger = query.get(params.trigger);
  const filters: RunFilters = {};
  if (isOneOf(runStatuses, status)) filters.status = status;
  if (isOneOf(runTriggerTypes, trigger)) filters.trigger = trigger;
  const userId = text(query.get(params.userId));
  if (userId !== undefined) filters.userId = userId;
  const from = instant(query.get(params.from));
  if (from !== undefined) filters.from = from;
  const to = instant(query.get(params.to));
  if (to !== undefined) filters.to = to;
  const flowId = text(query.get(params.flowId));
  if (flowId !== undefined) filters.flowId = flowId;
  return filters;
}

/** `search` with the filter parameters replaced by `filters` (other parameters, such as `step`, kept). */
export function writeRunFilters(search: string, filters: RunFilters): string {
  const query = new URLSearchParams(search);
  for (const [key, param] of Object.entries(params) as [keyof RunFilters, string][]) {
    const value = filters[key];
    if (value === undefined || value === '') query.delete(param);
    else query.set(param, value);
  }
  return query.toString();
}

/** True when any filter narrows the list. */
export function isFiltered(filters: RunFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** Whether a run (heard live) belongs in a list with these filters. */
export function runMatches(run: RunSummary, filters: RunFilters): boolean {
  return (
    (filters.status === undefined || run.status === filters.status) &&
    (filters.trigger === undefined || run.trigger.type === filters.trigger) &&
    (filters.userId === undefined || run.userId === filters.userId) &&
    (filters.flowId === undefined || run.flowId === filters.flowId) &&
    (filters.from === undefined || run.startedAt >= filters.from) &&
    (filters.to === undefined || run.startedAt < filters.to)
  );
}

/** A pasted run id (time-ordered UUIDs): searching for one opens that run rather than filtering. */
export function looksLikeRunId(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text.trim());
}
