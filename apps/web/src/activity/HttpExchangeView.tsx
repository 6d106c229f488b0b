import type { HttpExchange } from '@flowyard/engine/schemas';
import { cn } from '../lib/cn';
import { CodeBlock, Empty, KeyValues } from './DetailSection';
import { formatDuration } from './format';

function statusTone(status: number | null): string {
  if (status === null) return 'bg-red-50 text-red-700 ring-red-200';
  if (status < 300) return 'bg-emerald-50 text-emerald-700 ring-emerald-200';
  if (status < 400) return 'bg-sky-50 text-sky-700 ring-sky-200';
  return 'bg-red-50 text-red-700 ring-red-200';
}

function Body({ body, truncated, label }: { body: string | null; truncated: boolean; label: string }) {
  if (body === null || body === '') return <Empty>No body</Empty>;
  return (
    <>
      <CodeBlock label={label}>{body}</CodeBlock>
      {truncated ? <p className="text-xs text-amber-700">Truncated: only the first 64 KiB are kept.</p> : null}
    </>
  );
}

/** One request and its response, as sent and received (secrets already redacted by the server). */
export function HttpExchangeView({ exchange }: { exchange: HttpExchange }) {
  return (
    <article className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3">
      <header className="flex flex-wrap items-center gap-2 text-xs">
        <span className="rounded bg-zinc-800 px-1.5 py-0.5 font-mono font-semibold text-white">{exchange.method}</span>
        <span className="min-w-0 flex-1 font-mono break-all text-zinc-800">{exchange.url}</span>
        <span className={cn('rounded-full px-2 py-0.5 font-medium ring-1 ring-inset', statusTone(exchange.status))}>
          {exchange.status === null ? 'No response' : `${exchange.status}${exchange.statusText ? ` ${exchange.statusText}` : ''}`}
        </span>
        <span className="text-zinc-500 tabular-nums">{formatDuration(exchange.durationMs)}</span>
      </header>
      {exchange.error ? (
        <p className="text-xs text-red-700">
          <span className="font-mono font-semibold">{exchange.error.code}</span> {exchange.error.message}
        </p>
      ) : null}
      <div className="grid gap-3 xl:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-1.5">
          <h5 className="text-xs font-semibold text-zinc-700">Request headers</h5>
          <KeyValues label="Request headers" entries={Object.entries(exchange.requestHeaders)} />
          <h5 className="mt-1 text-xs font-semibold text-zinc-700">Request body</h5>
          <Body label="Request body" body={exchange.requestBody} truncated={exchange.requestBodyTruncated} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <h5 className="text-xs font-semibold text-zinc-700">Response headers</h5>
          <KeyValues label="Response headers" entries={Object.entries(exchange.responseHeaders)} />
          <h5 className="mt-1 text-xs font-semibold text-zinc-700">Response body</h5>
          <Body label="Response body" body={exchange.responseBody} truncated={exchange.responseBodyTruncated} />
        </div>
      </div>
    </article>
  );
}
