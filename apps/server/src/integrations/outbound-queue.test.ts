import { createPgTestDatabase, testDialect } from '@flowyard/db/testing';
import { createScriptPool } from '@flowyard/engine';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../auth/passwords';
import { bootstrap, createAppServices, openAppStorage } from '../compose';
import { createEndpointHttpClient } from '../endpoints/endpoint-http';
import { createSecretBox } from '../secrets/secret-box';
import { loadProviderSettings } from '../settings/provider-settings';
import { createCaller } from '../trpc/create-caller';
import { contextFor } from '../trpc/create-context';
import { firstAdmin } from '../users/users-service';
import { createFailingFlow } from '../testing/failing-flow';
import { waitFor } from '../testing/wait-for';

// Queue mode (PostgreSQL): the run is admitted with its job and executed by a consumer of the
// shared queue; its outbound integrations start where it ended, as they do inline.
describe.skipIf(testDialect() !== 'postgres')('outbound integrations in queue mode', () => {
  it('start once a queued run has ended on the worker', { timeout: 60_000 }, async () => {
    const database = await createPgTestDatabase();
    const storage = await openAppStorage({ dataDir: '/nonexistent', databaseUrl: database.url, dbSynchronous: 'normal', role: 'all', shutdownTimeoutMs: 1_000, workerConcurrency: 2 });
    const secretBox = createSecretBox(randomBytes(32));
    const http = createEndpointHttpClient({ store: storage.store, secretBox });
    const scripts = createScriptPool({ size: 1 });
    const services = createAppServices(
      { store: storage.store, secretBox, providers: loadProviderSettings({}, 'http://localhost:3000'), now: () => new Date(), newId: () => randomUUID() },
      { http, scripts, passwords: createPasswordHasher(4), queue: storage.queue },
    );
    const consumer = await storage.queue.consume(2, (job) => services.runs.executeQueued(job));
    try {
      await bootstrap(services, { adminPassword: 'test-admin-password' });
      const admin = await services.users.findByEmail(firstAdmin.email);
      if (admin === undefined) throw new Error('no admin');
      const caller = createCaller(contextFor(services, admin));
      const [workflow] = await caller.workflows.list();
      const workflowId = workflow?.id ?? '';
      const flowId = await createFailingFlow(caller, workflowId, 'Queued failing');
      const { integration } = await caller.integrations.create({
        workflowId,
        integration: { kind: 'outbound', name: 'On failure', trigger: { events: ['run.failed'], flowId }, script: 'console.log(callback.run.status, callback.run.summary);' },
      });
      const { runId } = await caller.runs.start({ flowId, payload: {} });
      const entry = await waitFor(async () => (await caller.integrations.log({ integrationId: integration.id })).entries[0], 30_000);
      expect(entry).toMatchObject({ event: 'run.failed', sourceRunId: runId, outcome: 'succeeded' });
      expect(entry.logs[0]?.message).toMatch(/^failed Run of "Queued failing" failed/);
    } finally {
      await consumer.stop();
      await services.runs.drain(1_000);
      await services.outboundEvents.whenIdle(5_000);
      await scripts.close();
      await http.close();
      await storage.close();
      await database.drop();
    }
  });
});
