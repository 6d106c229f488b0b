import { librarySaveSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedure, router } from '../init';

const byId = z.object({ id: z.string().min(1) });

export const librariesRouter = router({
  list: procedure.input(z.object({ workflowId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.libraries.list(input.workflowId)),
  get: procedure.input(byId).query(({ ctx, input }) => ctx.services.libraries.get(input.id)),
  save: procedure.input(librarySaveSchema).mutation(({ ctx, input }) => ctx.services.libraries.save(input)),
  delete: procedure.input(byId).mutation(({ ctx, input }) => ctx.services.libraries.delete(input.id)),
});
