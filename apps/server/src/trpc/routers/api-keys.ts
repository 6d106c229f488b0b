import { apiKeyCreateSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedureWith, router } from '../init';

// apiKeys.own covers one's own keys; another user's need users.manage (checked by the service).
export const apiKeysRouter = router({
  /** The keys of `userId` (default: oneself), newest first, revoked ones included; never the keys themselves. */
  list: procedureWith('apiKeys.own')
    .input(z.object({ userId: z.string().min(1).optional() }).default({}))
    .query(({ ctx, input }) => ctx.services.apiKeys.listAs(ctx.user, input.userId)),
  /** `{ key, apiKey }`: `key` (`fy_…`) is shown this once; only its hash is stored. */
  create: procedureWith('apiKeys.own').input(apiKeyCreateSchema).mutation(({ ctx, input }) => ctx.services.apiKeys.createAs(ctx.user, input)),
  revoke: procedureWith('apiKeys.own')
    .input(z.object({ id: z.string().min(1) }))
    .mutation(({ ctx, input }) => ctx.services.apiKeys.revokeAs(ctx.user, input.id)),
});
