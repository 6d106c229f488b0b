import { procedureWith, router } from '../init';

/** Everything here is workflow editing (SPEC §9: Admin, Developer). */
const editProcedure = procedureWith('flows.edit');

export const workflowsRouter = router({
  list: editProcedure.query(({ ctx }) => ctx.services.workflows.list()),
});
