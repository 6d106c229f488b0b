import { flowCreateSchema, flowRenameSchema, flowSaveSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedure, router } from '../init';

const byId = z.object({ id: z.string().min(1) });

export const flowsRouter = router({
  list: procedure.input(z.object({ workflowId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.flows.list(input.workflowId)),
  get: procedure.input(byId).query(({ ctx, input }) => ctx.services.flows.get(input.id)),
  create: procedure.input(flowCreateSchema).mutation(({ ctx, input }) => ctx.services.flows.create(input)),
  rename: procedure.input(flowRenameSchema).mutation(({ ctx, input }) => ctx.services.flows.rename(input)),
  delete: procedure.input(byId).mutation(async ({ ctx, input }) => {
    // Its runs go with it; let those in flight end first rather than write into deleted rows.
    await ctx.services.runs.stopFlow(input.id, 5_000);
    return ctx.services.flows.delete(input.id);
  }),
  save: procedure.input(flowSaveSchema).mutation(({ ctx, input }) => ctx.services.flows.save(input)),
});
