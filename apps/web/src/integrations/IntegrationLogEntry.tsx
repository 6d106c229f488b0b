import type { IntegrationLogEntry as LogEntry } from '@flowyard/engine/schemas';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { CodeBlock, DetailSection, Empty } from '../activity/DetailSection';
import { formatDuration, formatStartTime } from '../activity/format';
import { HttpExchangeView } from '../activity/HttpExchangeView';
import { integrationLogBodyBytes } from '@flowyard/engine/schemas';
import { Badge, type BadgeTone } from '../ui/Badge';
import { ConsoleLines } from './ConsoleLines';
import { outboundEventLabels } from './integration-form';
import { RunLink } from './RunLink';

const outcomeLook: Record<LogEntry['outcome'], { label: string; tone: BadgeTone }> = {
  succeeded: { label: 'Succeeded', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  'rate-limited': { label: 'Rate limited', tone: 'warning' },
};

/** One call of an integration: what came in, what the script said and called, how it ended, and the runs it started. */
export function IntegrationLogEntry({ entry, flowNames, initiallyOpen }: { entry: LogEntry; flowNames: ReadonlyMap<string, string>; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const look = outcomeLook[entry.outcome];
  const what = entry.kind === 'inbound' ? (entry.method ?? 'Call') : entry.event ? outboundEventLabels[entry.event] : 'Event';
  const title = `${what} at ${formatStartTime(entry.at)}`;
  const Chevron = open ? ChevronDown : ChevronRight;
  return (
    <article aria-label={title} className="flex flex-col rounded-lg border border-zinc-200 bg-white">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
        <button
          type="button"
          aria-expanded={open}
          aria-label={`${open ? 'Hide' : 'Show'} details of ${title}`}
          onClick={() => setOpen((was) => !was)}
          className="inline-flex items-center gap-1.5 rounded font-medium text-zinc-900 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-500"
        >
          <Chevron aria-hidden className="size-4 text-zinc-400" />
          <time dateTime={entry.at} title={new Date(entry.at).toLocaleString()}>
            {formatStartTime(entry.at)}
          </time>
        </button>
        <Badge tone={look.tone}>{look.label}</Badge>
        <span className="font-mono text-xs text-zinc-700">{what}</span>
        {entry.status !== null ? <span className="font-mono text-xs text-zinc-500">HTTP {entry.status}</span> : null}
        <span className="text-xs text-zinc-500">{entry.caller ? `by ${entry.caller.name}` : 'caller unknown'}</span>
        <span className="text-xs text-zinc-400 tabular-nums">{formatDuration(entry.durationMs)}</span>
        {entry.runIds.length > 0 || entry.sourceRunId ? (
          <span className="ml-auto flex flex-wrap items-center gap-3">
            {entry.sourceRunId ? (
              <span className="inline-flex items-center gap-1 text-xs text-zinc-500">
                about <RunLink runId={entry.sourceRunId} flowNames={flowNames} />
              </span>
            ) : null}
            {entry.runIds.length > 0 ? (
              <ul aria-label="Started runs" className="flex flex-wrap gap-3">
                {entry.runIds.map((runId) => (
                  <li key={runId}>
                    <RunLink runId={runId} flowNames={flowNames} />
                  </li>
                ))}
              </ul>
            ) : null}
          </span>
        ) : null}
      </header>
      {entry.outcome === 'rate-limited' ? (
        <p className="border-t border-zinc-100 px-3 py-2 text-xs text-amber-800">The rate limit was reached: the script did not run for this event.</p>
      ) : null}
      {entry.kind === 'inbound' && entry.caller === null ? (
        <p className="border-t border-zinc-100 px-3 py-2 text-xs text-red-800">The call was refused before the script ran: nothing was started.</p>
      ) : null}
      {open ? (
        <div className="flex flex-col gap-3 border-t border-zinc-100 px-3 py-3">
          {entry.error ? (
            <DetailSection title="Error">
              <p className="text-sm text-red-700">
                <span className="font-mono font-semibold">{entry.error.code}</span> {entry.error.message}
              </p>
            </DetailSection>
          ) : null}
          <DetailSection title={entry.kind === 'inbound' ? 'Raw body' : 'Callback'}>
            {entry.body === '' ? <Empty>No body</Empty> : <CodeBlock label={entry.kind === 'inbound' ? 'Raw body' : 'Callback'}>{entry.body}</CodeBlock>}
            {entry.bodyTruncated ? <p className="text-xs text-amber-700">Truncated: only the first {integrationLogBodyBytes / 1024} KiB are kept.</p> : null}
          </DetailSection>
          <DetailSection title="Console">
            <ConsoleLines lines={entry.logs} />
          </DetailSection>
          <DetailSection title="HTTP">
            {entry.exchanges.length === 0 ? <Empty>No HTTP requests</Empty> : entry.exchanges.map((exchange, i) => <HttpExchangeView key={`${exchange.startedAt}-${i}`} exchange={exchange} />)}
          </DetailSection>
        </div>
      ) : null}
    </article>
  );
}
