import { router } from './init';
import { apiKeysRouter } from './routers/api-keys';
import { authRouter } from './routers/auth';
import { constantsRouter } from './routers/constants';
import { customStepsRouter } from './routers/custom-steps';
import { endpointsRouter } from './routers/endpoints';
import { flowsRouter } from './routers/flows';
import { integrationsRouter } from './routers/integrations';
import { librariesRouter } from './routers/libraries';
import { meRouter } from './routers/me';
import { runsRouter } from './routers/runs';
import { scriptsRouter } from './routers/scripts';
import { settingsRouter } from './routers/settings';
import { stepTestsRouter } from './routers/step-tests';
import { usersRouter } from './routers/users';
import { workflowsRouter } from './routers/workflows';

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  users: usersRouter,
  apiKeys: apiKeysRouter,
  workflows: workflowsRouter,
  endpoints: endpointsRouter,
  flows: flowsRouter,
  customSteps: customStepsRouter,
  constants: constantsRouter,
  libraries: librariesRouter,
  runs: runsRouter,
  settings: settingsRouter,
  stepTests: stepTestsRouter,
  integrations: integrationsRouter,
  scripts: scriptsRouter,
});

/** The API's type; the web app imports it with `import type { AppRouter } from '@flowyard/server/router'`. */
export type AppRouter = typeof appRouter;
