import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FlaskConical } from 'lucide-react';
import { useState } from 'react';
import { StepDetails } from '../../activity/StepDetails';
import { formatStartTime } from '../../activity/format';
import { useTRPC } from '../../lib/trpc';
import { readApiError } from '../../lib/trpc-error';
import { Button } from '../../ui/Button';
import { upstreamSummary } from './upstream-summary';

/**
 * "Test step": saves the flow, then runs just this step on the server with its references resolved
 * from the last run (or pins), and shows what Activity would show for it (redacted the same way).
 * The result is recorded as a test of the step, not a run of the flow.
 */
export function TestStepSection({ flowId, nodeId, save }: { flowId: string; nodeId: string; save(): Promise<boolean> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { flowId, nodeId };
  const latest = useQuery(trpc.stepTests.list.queryOptions(input));
  const run = useMutation(trpc.stepTests.run.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.stepTests.list.queryKey(input) }) }));
  const [problem, setProblem] = useState<string | null>(null);
  const shown = run.data ?? latest.data?.[0];

  const test = async () => {
    setProblem(null);
    if (!(await save())) return setProblem('The flow could not be saved; fix the problems shown in the editor and test again.');
    try {
      await run.mutateAsync(input);
    } catch (error) {
      const apiError = readApiError(error);
      setProblem(apiError.code ? `${apiError.code}: ${apiError.message}` : apiError.message);
    }
  };

  return (
    <section aria-label="Test step" className="flex flex-col gap-2 border-t border-zinc-200 pt-4">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-medium text-zinc-800">Test step</h3>
        <Button size="sm" variant="primary" disabled={run.isPending} icon={<FlaskConical aria-hidden className="size-3.5" />} onClick={() => void test()}>
          {run.isPending ? 'Testing…' : 'Test step'}
        </Button>
      </div>
      <p className="text-xs text-zinc-500">Runs only this step, with its references filled from the last run (or pinned outputs). Recorded as a test, not as a run.</p>
      {problem ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2.5 py-2 text-xs text-red-800">
          {problem}
        </p>
      ) : null}
      {shown ? (
        <section aria-label="Test result" className="min-w-0 rounded-md border border-zinc-200">
          <p className="px-3 pt-2 text-xs text-zinc-500">
            Tested {formatStartTime(shown.startedAt)}
            {upstreamSummary(shown.upstream)}
          </p>
          <StepDetails step={shown.record} />
        </section>
      ) : null}
    </section>
  );
}
