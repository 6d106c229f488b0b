import type { ScriptTestResult } from '@flowyard/engine/schemas';
import { ConsoleLines } from '../../../activity/ConsoleLines';
import { DetailSection, Empty } from '../../../activity/DetailSection';
import { formatDuration } from '../../../activity/format';
import { HttpExchangeView } from '../../../activity/HttpExchangeView';
import { StatusLabel } from '../../../activity/StatusLabel';
import { StepErrorView } from '../../../activity/StepErrorView';
import { Values } from '../../../activity/Values';

/** One test run of a script, shown with the Activity panel's own parts (and redacted as it is). */
export function ScriptTestResultView({ result }: { result: ScriptTestResult }) {
  return (
    <section aria-label="Test result" className="flex flex-col gap-4">
      <p className="flex items-center gap-3">
        <StatusLabel status={result.status} />
        <span className="text-xs text-zinc-500 tabular-nums">{formatDuration(result.durationMs)}</span>
      </p>
      {result.error ? (
        <DetailSection title="Error">
          <StepErrorView error={result.error} />
        </DetailSection>
      ) : null}
      <DetailSection title="Outputs">
        <Values label="Outputs" values={result.outputs} />
      </DetailSection>
      <DetailSection title="Console">
        <ConsoleLines lines={result.logs} />
      </DetailSection>
      <DetailSection title="HTTP">
        {result.exchanges.length === 0 ? (
          <Empty>No HTTP requests</Empty>
        ) : (
          result.exchanges.map((exchange, i) => <HttpExchangeView key={`${exchange.startedAt}-${i}`} exchange={exchange} />)
        )}
      </DetailSection>
    </section>
  );
}
