import { endpointCreateSchema, endpointUpdateSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedure, router } from '../init';

const byId = z.object({ id: z.string().min(1) });

export const endpointsRouter = router({
  list: procedure.input(z.object({ workflowId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.endpoints.list(input.workflowId)),
  get: procedure.input(byId).query(({ ctx, input }) => ctx.services.endpoints.get(input.id)),
  usage: procedure.input(byId).query(({ ctx, input }) => ctx.services.endpoints.usage(input.id)),
  create: procedure.input(endpointCreateSchema).mutation(({ ctx, input }) => ctx.services.endpoints.create(input)),
  update: procedure.input(endpointUpdateSchema).mutation(({ ctx, input }) => ctx.services.endpoints.update(input)),
  delete: procedure.input(byId).mutation(({ ctx, input }) => ctx.services.endpoints.delete(input.id)),
});
