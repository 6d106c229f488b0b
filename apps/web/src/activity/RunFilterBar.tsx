import { runStatuses, runTriggerTypes, type RunStatus, type RunTriggerType } from '@flowyard/engine/schemas';
import { useQuery } from '@tanstack/react-query';
import { Search, X } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useTRPC } from '../lib/trpc';
import { isFiltered, looksLikeRunId, type RunFilters } from './run-filters';

const statusNames: Record<RunStatus, string> = { running: 'Running', succeeded: 'Succeeded', failed: 'Failed', interrupted: 'Interrupted' };
const triggerNames: Record<RunTriggerType, string> = { manual: 'Manual (Run)', http: 'HTTP trigger', integration: 'Integration' };

const control = 'h-7 rounded-md border border-zinc-300 bg-white px-1.5 text-xs text-zinc-800 focus-visible:outline-2 focus-visible:outline-indigo-500';

/** An ISO instant as a `datetime-local` value (local time, to the minute), and back. */
function toLocalInput(iso: string | undefined): string {
  if (iso === undefined) return '';
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
function fromLocalInput(value: string): string | undefined {
  if (value === '') return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex items-center gap-1 text-[11px] text-zinc-500">
      {label}
      {children}
    </label>
  );
}

export interface RunFilterBarProps {
  filters: RunFilters;
  onChange(filters: RunFilters): void;
  /** A run id typed or pasted into search: open that run. */
  onOpenRun(runId: string): void;
  /** The Activity page lists its workflow's flows as one more filter. */
  flows?: readonly { id: string; name: string }[];
  /** The problem with the last run id searched for, if any. */
  searchProblem?: string | null;
}

/** Filters for a run list (status, trigger, acted-as user, time range, flow) and a search box that opens a run by id. */
export function RunFilterBar({ filters, onChange, onOpenRun, flows, searchProblem }: RunFilterBarProps) {
  const trpc = useTRPC();
  // Everyone with users.read sees every user here; others see themselves.
  const users = useQuery(trpc.users.search.queryOptions({ text: '' }, { staleTime: 60_000 }));
  const [search, setSearch] = useState('');
  const set = (patch: Partial<RunFilters>) => onChange({ ...filters, ...patch });
  const choose = <T extends string>(value: string, allowed: readonly T[]): T | undefined => allowed.find((item) => item === value);
  return (
    <div role="search" aria-label="Filter runs" className="flex flex-wrap items-center gap-2">
      {flows ? (
        <Labelled label="Flow">
          <select aria-label="Flow" className={control} value={filters.flowId ?? ''} onChange={(e) => set({ flowId: e.target.value || undefined })}>
            <option value="">All flows</option>
            {flows.map((flow) => (
              <option key={flow.id} value={flow.id}>
                {flow.name}
              </option>
            ))}
          </select>
        </Labelled>
      ) : null}
      <Labelled label="Status">
        <select aria-label="Status" className={control} value={filters.status ?? ''} onChange={(e) => set({ status: choose(e.target.value, runStatuses) })}>
          <option value="">Any</option>
          {runStatuses.map((status) => (
            <option key={status} value={status}>
              {statusNames[status]}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label="Trigger">
        <select aria-label="Trigger" className={control} value={filters.trigger ?? ''} onChange={(e) => set({ trigger: choose(e.target.value, runTriggerTypes) })}>
          <option value="">Any</option>
          {runTriggerTypes.map((trigger) => (
            <option key={trigger} value={trigger}>
              {triggerNames[trigger]}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label="Acted as">
        <select aria-label="Acted as" className={control} value={filters.userId ?? ''} onChange={(e) => set({ userId: e.target.value || undefined })}>
          <option value="">Anyone</option>
          {(users.data ?? []).map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
          {filters.userId !== undefined && !(users.data ?? []).some((user) => user.id === filters.userId) ? <option value={filters.userId}>{filters.userId}</option> : null}
        </select>
      </Labelled>
      <Labelled label="From">
        <input aria-label="Started from" type="datetime-local" className={control} value={toLocalInput(filters.from)} onChange={(e) => set({ from: fromLocalInput(e.target.value) })} />
      </Labelled>
      <Labelled label="To">
        <input aria-label="Started before" type="datetime-local" className={control} value={toLocalInput(filters.to)} onChange={(e) => set({ to: fromLocalInput(e.target.value) })} />
      </Labelled>
      {isFiltered(flows ? filters : { ...filters, flowId: undefined }) ? (
        <button type="button" onClick={() => onChange({})} className="inline-flex h-7 items-center gap-1 rounded-md px-1.5 text-xs text-zinc-600 hover:bg-zinc-100">
          <X aria-hidden className="size-3.5" /> Clear filters
        </button>
      ) : null}
      <form
        className="flex items-center gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          if (looksLikeRunId(search)) onOpenRun(search.trim());
        }}
      >
        <span className="relative">
          <Search aria-hidden className="pointer-events-none absolute top-1.5 left-1.5 size-3.5 text-zinc-400" />
          <input
            aria-label="Find a run by id"
            placeholder="Paste a run id"
            className={`${control} w-56 pl-6 font-mono`}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              if (looksLikeRunId(e.target.value)) onOpenRun(e.target.value.trim());
            }}
          />
        </span>
        {searchProblem ? <span className="text-xs text-red-700">{searchProblem}</span> : null}
      </form>
    </div>
  );
}
