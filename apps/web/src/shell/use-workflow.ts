import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';

export interface CurrentWorkflow {
  /** Undefined until `workflows.list` has loaded. */
  workflowId: string | undefined;
  isPending: boolean;
  error: unknown;
}

/**
 * The workflow the UI works in. Until a workflow switcher exists this is the first one the
 * server lists (a fresh install has exactly one, "Default").
 */
export function useCurrentWorkflow(): CurrentWorkflow {
  const trpc = useTRPC();
  const query = useQuery(trpc.workflows.list.queryOptions(undefined, { staleTime: Infinity }));
  return { workflowId: query.data?.[0]?.id, isPending: query.isPending, error: query.error };
}
