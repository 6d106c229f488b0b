import type { Store } from '@flowyard/db';
import { openTestStore } from '@flowyard/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/wait-for';
import { warmScriptsWhenNeeded } from './warm-when-needed';

let store: Store;
const stops: Array<() => void> = [];
beforeEach(async () => {
  ({ store } = await openTestStore());
  await store.repos.workflows.insert({ id: 'w1', name: 'Default' });
});
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await store.close();
});

const definition = { name: 'S', description: '', icon: 'code' as const, inputs: [], outputs: [], includeEndpoint: false, endpointType: 'any' as const, endpointLabel: '', script: '', timeoutMs: 10_000 };
const addStep = () => store.repos.customSteps.insert({ id: 's1', workflowId: 'w1', name: 'S', nameKey: 's', definition, scriptIndexVersion: 0, createdAt: 'x', updatedAt: 'x' }, []);

describe('warming the script pool when needed', () => {
  it('warms at once when custom steps exist', async () => {
    await addStep();
    let warmed = 0;
    stops.push(warmScriptsWhenNeeded(store, { warmUp: async () => void warmed++ }));
    await waitFor(() => (warmed === 1 ? true : undefined));
  });

  it('waits without warming while there are none, and warms once one is created', async () => {
    let warmed = 0;
    stops.push(warmScriptsWhenNeeded(store, { warmUp: async () => void warmed++ }));
    // Other writes do not count.
    await store.repos.workflows.insert({ id: 'w2', name: 'Other' });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(warmed).toBe(0);
    await addStep();
    await waitFor(() => (warmed === 1 ? true : undefined), 5000);
  });
});
