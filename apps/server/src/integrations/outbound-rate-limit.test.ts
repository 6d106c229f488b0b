import { createTestDatabase } from '@flowyard/db/testing';
import { createScriptPool } from '@flowyard/engine';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createFailingFlow } from '../testing/failing-flow';
import { createTestApp, type TestApp } from '../testing/test-app';

// Two instances on one database (two workers): an outbound integration's rate limit is theirs
// together, not one per process.
describe('outbound integrations: the rate limit across instances', { timeout: 60_000 }, () => {
  const scripts = createScriptPool({ size: 1 });
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await scripts.close();
  });

  it('counts the events of every instance in one window', async () => {
    const database = await createTestDatabase({ reopenable: true });
    cleanups.push(() => database.drop());
    const secretKey = randomBytes(32);
    // A clock that starts at a whole minute, so that the test's events never straddle two windows.
    const started = Date.now();
    const now = () => new Date(Date.UTC(2026, 0, 1) + (Date.now() - started));
    const first = await createTestApp({ database, secretKey, scripts, now });
    cleanups.push(() => first.close());
    const second = await createTestApp({ database, secretKey, scripts, now });
    cleanups.push(() => second.close());

    const { caller, workflowId } = first;
    const flowId = await createFailingFlow(caller, workflowId, 'Failing');
    const { integration } = await caller.integrations.create({
      workflowId,
      integration: { kind: 'outbound', name: 'On failure', trigger: { events: ['run.failed'], flowId }, rateLimit: { perMinute: 2 }, script: "console.log('called');" },
    });

    const runOn = async (app: TestApp) => {
      await app.caller.runs.start({ flowId, payload: {} });
      await app.services.runs.whenIdle();
      await app.services.outboundEvents.whenIdle();
    };
    for (const app of [first, second, first, second]) await runOn(app);

    const { entries } = await caller.integrations.log({ integrationId: integration.id });
    // Per process, each instance would have run it twice (4 calls); shared, two ran and the third tripped.
    expect(entries.map((entry) => entry.outcome).sort()).toEqual(['rate-limited', 'succeeded', 'succeeded']);
  });
});
