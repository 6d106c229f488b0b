import { constantSetSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedure, router } from '../init';

export const constantsRouter = router({
  list: procedure.input(z.object({ workflowId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.constants.list(input.workflowId)),
  set: procedure.input(constantSetSchema).mutation(({ ctx, input }) => ctx.services.constants.set(input)),
  delete: procedure.input(z.object({ id: z.string().min(1) })).mutation(({ ctx, input }) => ctx.services.constants.delete(input.id)),
});
