import { constantSetSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedureWith, router } from '../init';

/** Everything here is workflow editing (SPEC §9: Admin, Developer). */
const editProcedure = procedureWith('flows.edit');

export const constantsRouter = router({
  list: editProcedure.input(z.object({ workflowId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.constants.list(input.workflowId)),
  /** Custom step scripts (`kind: 'script'`), then shared libraries (`kind: 'library'`), that read it by its name. */
  usage: editProcedure.input(z.object({ id: z.string().min(1) })).query(({ ctx, input }) => ctx.services.constants.usage(input.id)),
  set: editProcedure.input(constantSetSchema).mutation(({ ctx, input }) => ctx.services.constants.set(input)),
  delete: editProcedure.input(z.object({ id: z.string().min(1) })).mutation(({ ctx, input }) => ctx.services.constants.delete(input.id)),
});
