import { importInputSchema, importPreviewInputSchema } from '@flowyard/engine';
import { z } from 'zod';
import { procedureWith, router } from '../init';

/** Everything here is workflow editing (SPEC §9: Admin, Developer). */
const editProcedure = procedureWith('flows.edit');

export const workflowsRouter = router({
  list: editProcedure.query(({ ctx }) => ctx.services.workflows.list()),
  /** The export file object (SPEC §8: no credentials, auth "none", Trust self-signed off); the web app downloads it as JSON. */
  export: editProcedure.input(z.object({ workflowId: z.string().min(1) })).query(({ ctx, input }) => ctx.services.exports.export(input.workflowId)),
  /**
   * Checks an export file (its JSON text, or the parsed object) against the format and the
   * workflow; writes nothing: `{ ok: false, problems }` or `{ ok: true, endpoints, summary }`.
   * A mutation because the file travels in the request body.
   */
  importPreview: editProcedure.input(importPreviewInputSchema).mutation(({ ctx, input }) => ctx.services.imports.preview(input.workflowId, input.file)),
  /** Imports in one batch; VALIDATION_FAILED with `issues` at JSON paths and nothing written otherwise. */
  import: editProcedure.input(importInputSchema).mutation(({ ctx, input }) => ctx.services.imports.import(input.workflowId, input.file, input.bindings, ctx.user)),
});
