import type { AppRouter } from '@flowyard/server/router';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { isRetryable } from './trpc-error';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      refetchOnWindowFocus: false,
      // A 404 or validation error will not go away by asking again; show it at once.
      retry: (failureCount, error) => failureCount < 2 && isRetryable(error),
    },
  },
});

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc' }),
      // The server refuses mutations without this header: a cross-site form cannot send it.
      // (Subscriptions are GETs, which it does not need.)
      false: httpBatchLink({ url: '/trpc', headers: { 'x-flowyard-csrf': '1' } }),
    }),
  ],
});

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
