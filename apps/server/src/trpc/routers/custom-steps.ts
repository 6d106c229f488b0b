import { customStepCreateSchema, customStepUpdateSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedure, router } from '../init';

const byId = z.object({ id: z.string().min(1) });

export const customStepsRouter = router({
  list: procedure.input(z.object({ workflowId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.customSteps.list(input.workflowId)),
  get: procedure.input(byId).query(({ ctx, input }) => ctx.services.customSteps.get(input.id)),
  usage: procedure.input(byId).query(({ ctx, input }) => ctx.services.customSteps.usage(input.id)),
  create: procedure.input(customStepCreateSchema).mutation(({ ctx, input }) => ctx.services.customSteps.create(input)),
  update: procedure.input(customStepUpdateSchema).mutation(({ ctx, input }) => ctx.services.customSteps.update(input)),
  delete: procedure.input(byId).mutation(({ ctx, input }) => ctx.services.customSteps.delete(input.id)),
});
