import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';

/** The workflow's shared libraries with their usage counts; idle while `workflowId` is unknown. */
export function useLibraries(workflowId: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.libraries.list.queryOptions(workflowId ? { workflowId } : skipToken));
}

/** The workflow's constants with their usage counts; idle while `workflowId` is unknown. */
export function useConstants(workflowId: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.constants.list.queryOptions(workflowId ? { workflowId } : skipToken));
}

/** Refreshes libraries and constants everywhere (lists, names in the script editor, usage). */
export function useInvalidateScriptObjects(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.libraries.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.constants.pathKey() }),
    ]);
  };
}
