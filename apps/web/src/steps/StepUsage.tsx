import { useQuery } from '@tanstack/react-query';
import { UsageLinks } from '../endpoints/UsageLinks';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';

/** Every flow step that is an instance of this custom step, each a link opening it on the canvas. */
export function StepUsage({ customStepId }: { customStepId: string }) {
  const trpc = useTRPC();
  const usage = useQuery(trpc.customSteps.usage.queryOptions({ id: customStepId }));
  if (usage.isPending) return <p className="text-sm text-zinc-500">Loading usage…</p>;
  if (usage.isError) return <p className="text-sm text-red-600">{readApiError(usage.error).message}</p>;
  if (usage.data.length === 0) return <p className="text-sm text-zinc-500">No flow uses this step.</p>;
  return <UsageLinks usage={usage.data} label="Step usage" />;
}
