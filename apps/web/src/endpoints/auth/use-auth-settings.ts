import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** Server settings the dialog shows: the default Salesforce login and whether Slack / Graph Connect is set up. */
export function useAuthSettings() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.endpoints.authSettings.queryOptions(), staleTime: 5 * 60_000 });
}
