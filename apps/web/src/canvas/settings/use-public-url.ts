import { useEndpoints } from '../../endpoints/use-endpoints';

/**
 * The address callers reach this server at (FLOWYARD_PUBLIC_URL): the server keeps the built-in
 * Flowyard endpoint's base URL equal to it. Until the endpoints have loaded, the browser's own
 * origin stands in: it is how this page was reached.
 */
export function usePublicUrl(workflowId: string): string {
  const endpoints = useEndpoints(workflowId);
  return endpoints.data?.find((endpoint) => endpoint.builtIn)?.baseUrl ?? window.location.origin;
}
