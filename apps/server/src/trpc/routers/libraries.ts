import { librarySaveSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedureWith, router } from '../init';

/** Everything here is workflow editing (SPEC §9: Admin, Developer). */
const editProcedure = procedureWith('flows.edit');

const byId = z.object({ id: z.string().min(1) });

export const librariesRouter = router({
  list: editProcedure.input(z.object({ workflowId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.libraries.list(input.workflowId)),
  /** Custom step scripts (`kind: 'script'`), then other libraries (`kind: 'library'`), that require it by a literal name. */
  usage: editProcedure.input(byId).query(({ ctx, input }) => ctx.services.libraries.usage(input.id)),
  /** `{ syntax: { message, line, column, offset } | null }`: the first parse error, without saving (a mutation only because a source may be too long for a URL). */
  checkSyntax: editProcedure.input(librarySaveSchema.pick({ source: true })).mutation(({ ctx, input }) => ctx.services.libraries.checkSyntax(input.source)),
  get: editProcedure.input(byId).query(({ ctx, input }) => ctx.services.libraries.get(input.id)),
  save: editProcedure.input(librarySaveSchema).mutation(({ ctx, input }) => ctx.services.libraries.save(input)),
  delete: editProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.libraries.delete(input.id)),
});
