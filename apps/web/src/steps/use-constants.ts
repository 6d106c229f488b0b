import { skipToken, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';

/** The constant names of a workflow (`constants['Name']` in scripts); idle while `workflowId` is unknown. */
export function useConstantNames(workflowId: string | undefined): string[] | undefined {
  const trpc = useTRPC();
  const constants = useQuery(trpc.constants.list.queryOptions(workflowId ? { workflowId } : skipToken));
  return constants.data?.map((constant) => constant.name);
}
