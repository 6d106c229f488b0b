import { authedProcedure, router } from '../init';

export const meRouter = router({
  get: authedProcedure.query(({ ctx }) => ctx.user),
});
