import { router } from './init';
import { constantsRouter } from './routers/constants';
import { customStepsRouter } from './routers/custom-steps';
import { endpointsRouter } from './routers/endpoints';
import { flowsRouter } from './routers/flows';
import { librariesRouter } from './routers/libraries';
import { meRouter } from './routers/me';
import { runsRouter } from './routers/runs';
import { workflowsRouter } from './routers/workflows';

export const appRouter = router({
  me: meRouter,
  workflows: workflowsRouter,
  endpoints: endpointsRouter,
  flows: flowsRouter,
  customSteps: customStepsRouter,
  constants: constantsRouter,
  libraries: librariesRouter,
  runs: runsRouter,
});

/** The API's type; the web app imports it with `import type { AppRouter } from '@flowyard/server/router'`. */
export type AppRouter = typeof appRouter;
