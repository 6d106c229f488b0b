import { procedure, router } from '../init';

export const meRouter = router({
  get: procedure.query(({ ctx }) => ctx.user),
});
