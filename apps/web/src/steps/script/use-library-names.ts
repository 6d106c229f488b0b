import { skipToken, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** The shared library names of a workflow (`require('<name>')` in scripts); idle while `workflowId` is unknown. */
export function useLibraryNames(workflowId: string | undefined): string[] | undefined {
  const trpc = useTRPC();
  const libraries = useQuery(trpc.libraries.list.queryOptions(workflowId ? { workflowId } : skipToken));
  return libraries.data?.map((library) => library.name);
}
