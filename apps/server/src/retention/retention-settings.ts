import type { ServiceDeps } from '../deps';
import { retentionPolicySchema, type RetentionPolicy } from './retention-policy';

const key = 'run-retention';

/** The retention in force and where it comes from: an admin's setting, else the environment. */
export interface RetentionView {
  policy: RetentionPolicy;
  source: 'setting' | 'environment';
}

/**
 * Run retention as a setting: an admin's choice (settings.retention.set), kept in the database,
 * overrides FLOWYARD_RUN_RETENTION_* from the environment (`fromEnv`).
 */
export function createRetentionSettings({ store, now }: Pick<ServiceDeps, 'store' | 'now'>, fromEnv: RetentionPolicy) {
  async function get(): Promise<RetentionView> {
    const row = await store.repos.settings.get(key);
    const stored = retentionPolicySchema.safeParse(row?.value);
    return stored.success ? { policy: stored.data, source: 'setting' } : { policy: fromEnv, source: 'environment' };
  }

  return {
    get,
    /** The policy the pruner applies now. */
    policy: async (): Promise<RetentionPolicy> => (await get()).policy,
    async set(policy: RetentionPolicy): Promise<RetentionView> {
      const value = { maxAgeDays: policy.maxAgeDays, maxRunsPerFlow: policy.maxRunsPerFlow };
      const updatedAt = now().toISOString();
      await store.repos.settings.put({ key, value, updatedAt });
      return { policy: value, source: 'setting' };
    },
  };
}

export type RetentionSettings = ReturnType<typeof createRetentionSettings>;
