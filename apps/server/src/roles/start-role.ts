import { createMetricsHandler } from '../metrics/metrics-handler';
import { startAll } from './all';
import type { RoleContext, StartedRole } from './role-context';
import { startWeb } from './web';
import { startWorker } from './worker';

/** Starts what FLOWYARD_ROLE asks this process to be. */
export function startRole(context: RoleContext): Promise<StartedRole> {
  switch (context.config.role) {
    case 'all':
      return startAll(context);
    case 'web':
      return startWeb(context);
    case 'worker': {
      const metrics = createMetricsHandler(context.services.metrics, { token: context.services.metricsToken });
      return startWorker(context, {
        metrics: (req, res) => {
          metrics(req, res);
          return true;
        },
      });
    }
  }
}
