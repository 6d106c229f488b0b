import type { UserUpdateInput } from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useInvalidateUsers } from './use-users';

/** Changes a user's role or status (`users.update`), then refreshes the lists that show them. */
export function useUpdateUser() {
  const trpc = useTRPC();
  const invalidate = useInvalidateUsers();
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: () => invalidate() }));
  return { update: (input: UserUpdateInput) => update.mutate(input), error: update.error, pending: update.isPending, variables: update.variables };
}
