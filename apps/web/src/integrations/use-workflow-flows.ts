import { skipToken, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';

/** The most flows the pickers list (the API's page limit); a workflow with more shows a hint. */
export const FLOW_CHOICES = 200;

/** The workflow's flows (id and name, by name) for the outbound Flow picker and `flows.start` names. */
export function useWorkflowFlows(workflowId: string | undefined) {
  const trpc = useTRPC();
  const flows = useQuery(trpc.flows.list.queryOptions(workflowId ? { workflowId, limit: FLOW_CHOICES } : skipToken));
  const list = flows.data?.items.map((flow) => ({ id: flow.id, name: flow.name }));
  return {
    flows: list,
    names: new Map((list ?? []).map((flow) => [flow.id, flow.name])),
    more: flows.data ? flows.data.total > flows.data.items.length : false,
  };
}
