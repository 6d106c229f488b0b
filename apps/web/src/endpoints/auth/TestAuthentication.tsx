import type { TestAuthenticationResult } from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { CircleCheck, CircleX, ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { CodeBlock } from '../../activity/DetailSection';
import { HttpExchangeView } from '../../activity/HttpExchangeView';
import { useTRPC } from '../../lib/trpc';
import { readApiError } from '../../lib/trpc-error';
import type { SaveFirst } from '../EndpointForm';
import { RevealOnShow } from './RevealOnShow';
import { Button } from '../../ui/Button';

export interface TestAuthenticationProps {
  /** Saves a new or edited endpoint first; null when the form refused (its errors are shown). */
  saveFirst: SaveFirst;
}

type Outcome = { kind: 'result'; result: TestAuthenticationResult } | { kind: 'error'; message: string };

/**
 * Test Authentication (OAuth2, Salesforce, Remedy, ServiceNow): asks the server to authenticate
 * with the stored credentials and shows success, or the target's status and error body.
 */
export function TestAuthentication({ saveFirst }: TestAuthenticationProps) {
  const trpc = useTRPC();
  const test = useMutation(trpc.endpoints.testAuthentication.mutationOptions());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setOutcome(null);
    try {
      if (!(await saveFirst.confirm('test'))) return;
      const saved = await saveFirst.save();
      if (saved === null) return;
      setOutcome({ kind: 'result', result: await test.mutateAsync({ id: saved.id }) });
    } catch (error) {
      setOutcome({ kind: 'error', message: readApiError(error).message });
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-3">
        <Button size="sm" icon={<ShieldCheck aria-hidden className="size-3.5" />} disabled={running} onClick={() => void run()}>
          {running ? 'Testing…' : 'Test Authentication'}
        </Button>
        <span className="text-xs text-zinc-500">Unsaved changes are saved first.</span>
      </div>
      {outcome ? (
        <RevealOnShow>
          <TestAuthenticationOutcome outcome={outcome} />
        </RevealOnShow>
      ) : null}
    </div>
  );
}

function TestAuthenticationOutcome({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'error') {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
        {outcome.message}
      </p>
    );
  }
  const { result } = outcome;
  return (
    <div
      role={result.ok ? 'status' : 'alert'}
      aria-label="Test Authentication result"
      className={
        result.ok
          ? 'flex flex-col gap-2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900'
          : 'flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800'
      }
    >
      <p className="flex items-start gap-1.5">
        {result.ok ? (
          <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
        ) : (
          <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
        )}
        <span>
          {result.ok ? null : (
            <>
              <span className="font-mono text-xs font-semibold">{result.code}</span>{' '}
            </>
          )}
          {result.message}
        </span>
      </p>
      {!result.ok && result.status !== null ? <p className="text-xs">HTTP status {result.status}</p> : null}
      {!result.ok && result.body ? <CodeBlock label="Error body">{result.body}</CodeBlock> : null}
      {result.exchanges.length > 0 ? (
        <details className="text-zinc-800">
          <summary className="cursor-pointer text-xs font-medium text-zinc-600">
            {result.exchanges.length === 1 ? 'Show the exchange' : `Show the ${result.exchanges.length} exchanges`}
          </summary>
          <div className="mt-2 flex flex-col gap-2">
            {result.exchanges.map((exchange, i) => (
              <HttpExchangeView key={`${exchange.startedAt}-${i}`} exchange={exchange} />
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}
