import { stepEndpointIds, type FlowNode } from '@flowyard/engine/schemas';
import { useEndpoints } from '../../endpoints/use-endpoints';
import { useCurrentWorkflow } from '../../shell/use-workflow';

/**
 * True when the node uses an endpoint an import created without credentials: the step cannot
 * authenticate until someone enters them. Shares the endpoints query every picker uses, so
 * saving credentials clears the badge without a reload.
 */
export function useNeedsCredentials(node: FlowNode): boolean {
  const { workflowId } = useCurrentWorkflow();
  const endpoints = useEndpoints(workflowId);
  const ids = stepEndpointIds(node);
  if (ids.length === 0 || !endpoints.data) return false;
  return endpoints.data.some((endpoint) => endpoint.needsCredentials && ids.includes(endpoint.id));
}
