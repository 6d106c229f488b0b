import type { Server } from 'node:http';
import { createApp } from '../http/app';
import { log } from '../log';
import type { RoleContext, StartedRole } from './role-context';

/**
 * Role `web` (and the serving half of `all`): the UI, tRPC, REST API, HTTP triggers and OAuth
 * callback on PORT. With a shared queue it admits runs and never executes one; it listens for run
 * notices so live Activity and `?wait=true` follow runs executed on any worker.
 */
export async function startWeb(context: RoleContext): Promise<StartedRole & { server: Server }> {
  const { config, storage, services } = context;
  if (storage.notices !== undefined) {
    const { watcher } = services.runs;
    await storage.notices.start({ onNotice: (notice) => watcher.notice(notice), onResync: () => watcher.resync() });
  }
  const app = createApp({ services, webDist: config.webDist });
  const server = config.host === undefined ? app.listen(config.port) : app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : config.port;
  log.info(`Flowyard${config.role === 'web' ? ' (web)' : ''} is running on ${config.port === port ? config.publicUrl : `http://localhost:${port}`}`);
  return {
    server,
    async stop() {
      server.close();
      server.closeAllConnections();
    },
  };
}
