import { scriptTestInputSchema } from '@flowyard/engine';
import { procedureWith, router } from '../init';

export const scriptsRouter = router({
  /** "Test script": runs a custom step's script once with sample inputs; nothing is recorded. */
  test: procedureWith('flows.edit').input(scriptTestInputSchema).mutation(({ ctx, input }) => ctx.services.scriptTests.run(ctx.user, input)),
});
