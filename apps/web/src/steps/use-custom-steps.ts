import type { CustomStepLookup, CustomStepView } from '@flowyard/engine/schemas';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../lib/trpc';

/** The custom steps of a workflow (the Steps library); idle while `workflowId` is unknown. */
export function useCustomSteps(workflowId: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.customSteps.list.queryOptions(workflowId ? { workflowId } : skipToken));
}

/** Refetches every custom step query (library, editor, usage, canvas palette and nodes). */
export function useInvalidateCustomSteps(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.customSteps.pathKey() }), [trpc, queryClient]);
}

/** A lookup by id over a list of stored custom steps, as the engine's helpers take it. */
export function lookupOf(views: readonly CustomStepView[]): CustomStepLookup {
  const byId = new Map(views.map((view) => [view.id, { ...view.step, id: view.id }]));
  return (id) => byId.get(id);
}
