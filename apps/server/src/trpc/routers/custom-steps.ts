import { customStepCreateSchema, customStepUpdateSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedureWith, router } from '../init';

/** Everything here is workflow editing (SPEC §9: Admin, Developer). */
const editProcedure = procedureWith('flows.edit');

const byId = z.object({ id: z.string().min(1) });

export const customStepsRouter = router({
  list: editProcedure.input(z.object({ workflowId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.customSteps.list(input.workflowId)),
  get: editProcedure.input(byId).query(({ ctx, input }) => ctx.services.customSteps.get(input.id)),
  usage: editProcedure.input(byId).query(({ ctx, input }) => ctx.services.customSteps.usage(input.id)),
  create: editProcedure.input(customStepCreateSchema).mutation(({ ctx, input }) => ctx.services.customSteps.create(input)),
  update: editProcedure.input(customStepUpdateSchema).mutation(({ ctx, input }) => ctx.services.customSteps.update(input)),
  delete: editProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.customSteps.delete(input.id)),
});
