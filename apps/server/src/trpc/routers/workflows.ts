import { procedure, router } from '../init';

export const workflowsRouter = router({
  list: procedure.query(({ ctx }) => ctx.services.workflows.list()),
});
