import { procedureWith, router } from '../init';
import { retentionPolicySchema } from '../../retention/retention-policy';

export const settingsRouter = router({
  retention: router({
    /** `{ policy: { maxAgeDays, maxRunsPerFlow }, source: 'setting' | 'environment' }` (null: no limit). */
    get: procedureWith('settings.manage').query(({ ctx }) => ctx.services.retention.get()),
    /** Keeps runs for `maxAgeDays` and/or the newest `maxRunsPerFlow` per flow (null: no limit); pruning starts at once. */
    set: procedureWith('settings.manage')
      .input(retentionPolicySchema)
      .mutation(async ({ ctx, input }) => {
        const view = await ctx.services.retention.set(input);
        ctx.services.pruneRunsSoon();
        return view;
      }),
  }),
});
