import { z } from 'zod';
import { procedureWith, router } from '../init';

const stepSchema = z.object({ flowId: z.string().min(1).max(100), nodeId: z.string().min(1).max(100) });

export const stepTestsRouter = router({
  /** "Test step": runs one step of the saved flow on its own and records it as a test. */
  run: procedureWith('flows.edit').input(stepSchema).mutation(({ ctx, input }) => ctx.services.stepTests.run(ctx.user, input)),
  /** The step's latest tests, newest first. */
  list: procedureWith('flows.edit').input(stepSchema).query(({ ctx, input }) => ctx.services.stepTests.list(input.flowId, input.nodeId)),
});
