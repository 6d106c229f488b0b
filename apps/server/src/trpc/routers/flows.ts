import { flowCreateSchema, flowRenameSchema, flowSaveSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedureWith, router } from '../init';

/** Everything here is workflow editing (SPEC §9: Admin, Developer). */
const editProcedure = procedureWith('flows.edit');

const byId = z.object({ id: z.string().min(1) });

export const flowsRouter = router({
  list: editProcedure.input(z.object({ workflowId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.flows.list(input.workflowId)),
  get: editProcedure.input(byId).query(({ ctx, input }) => ctx.services.flows.get(input.id)),
  create: editProcedure.input(flowCreateSchema).mutation(({ ctx, input }) => ctx.services.flows.create(input)),
  rename: editProcedure.input(flowRenameSchema).mutation(({ ctx, input }) => ctx.services.flows.rename(input)),
  delete: editProcedure.input(byId).mutation(async ({ ctx, input }) => {
    // Its runs go with it; let those in flight end first rather than write into deleted rows.
    await ctx.services.runs.stopFlow(input.id, 5_000);
    return ctx.services.flows.delete(input.id);
  }),
  save: editProcedure.input(flowSaveSchema).mutation(({ ctx, input }) => ctx.services.flows.save(input)),
});
