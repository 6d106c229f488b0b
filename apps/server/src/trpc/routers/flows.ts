import {
  flowCreateSchema,
  flowDuplicateSchema,
  flowListSchema,
  flowRenameSchema,
  flowRestoreSchema,
  flowSaveSchema,
  flowSetEnabledSchema,
  flowVersionGetSchema,
  flowVersionsListSchema,
} from '@flowyard/engine';
import { z } from 'zod';
import { procedureWith, router } from '../init';

/** Everything here is workflow editing (SPEC §9: Admin, Developer). */
const editProcedure = procedureWith('flows.edit');

const byId = z.object({ id: z.string().min(1) });

export const flowsRouter = router({
  /** One page by name: `{ items (each with its last run), nextCursor, total, matching }`. */
  list: editProcedure.input(flowListSchema).query(({ ctx, input }) => ctx.services.flows.list(input)),
  get: editProcedure.input(byId).query(({ ctx, input }) => ctx.services.flows.get(input.id)),
  create: editProcedure.input(flowCreateSchema).mutation(({ ctx, input }) => ctx.services.flows.create(input, ctx.user)),
  rename: editProcedure.input(flowRenameSchema).mutation(({ ctx, input }) => ctx.services.flows.rename(input)),
  delete: editProcedure.input(byId).mutation(async ({ ctx, input }) => {
    // Its runs go with it; let those in flight end first rather than write into deleted rows.
    await ctx.services.runs.stopFlow(input.id, 5_000);
    return ctx.services.flows.delete(input.id);
  }),
  save: editProcedure.input(flowSaveSchema).mutation(({ ctx, input }) => ctx.services.flows.save(input, ctx.user)),
  duplicate: editProcedure.input(flowDuplicateSchema).mutation(({ ctx, input }) => ctx.services.flows.duplicate(input, ctx.user)),
  /** Off: the flow's HTTP triggers answer 404 `FLOW_DISABLED` and nothing runs. */
  setEnabled: editProcedure.input(flowSetEnabledSchema).mutation(({ ctx, input }) => ctx.services.flows.setEnabled(input)),
  /** Kept versions, newest first: `{ items, nextBefore }`. */
  versions: editProcedure.input(flowVersionsListSchema).query(({ ctx, input }) => ctx.services.flows.versions(input)),
  version: editProcedure.input(flowVersionGetSchema).query(({ ctx, input }) => ctx.services.flows.version(input)),
  /** Saves a kept version as a new version (a stale `currentVersion` is CONFLICT). */
  restore: editProcedure.input(flowRestoreSchema).mutation(({ ctx, input }) => ctx.services.flows.restore(input, ctx.user)),
});
