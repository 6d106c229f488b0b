import { createDb, customSteps, workflows, type FlowyardDb } from '@flowyard/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/wait-for';
import { warmScriptsWhenNeeded } from './warm-when-needed';

let db: FlowyardDb;
const stops: Array<() => void> = [];
beforeEach(async () => {
  db = await createDb(':memory:');
  await db.orm.insert(workflows).values({ id: 'w1', name: 'Default' });
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  db.close();
});

const definition = { name: 'S', description: '', icon: 'code' as const, inputs: [], outputs: [], includeEndpoint: false, endpointType: 'any' as const, endpointLabel: '', script: '', timeoutMs: 10_000 };
const addStep = () => db.orm.insert(customSteps).values({ id: 's1', workflowId: 'w1', name: 'S', nameKey: 's', definition, createdAt: 'x', updatedAt: 'x' });

describe('warming the script pool when needed', () => {
  it('warms at once when custom steps exist', async () => {
    await addStep();
    let warmed = 0;
    stops.push(warmScriptsWhenNeeded(db, { warmUp: async () => void warmed++ }));
    await waitFor(() => (warmed === 1 ? true : undefined));
  });

  it('waits without warming while there are none, and warms once one is created', async () => {
    let warmed = 0;
    stops.push(warmScriptsWhenNeeded(db, { warmUp: async () => void warmed++ }));
    // Other writes do not count.
    await db.orm.insert(workflows).values({ id: 'w2', name: 'Other' });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(warmed).toBe(0);
    await addStep();
    await waitFor(() => (warmed === 1 ? true : undefined), 5000);
  });
});
