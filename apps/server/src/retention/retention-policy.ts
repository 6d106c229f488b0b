import { z } from 'zod';

/** How long run records are kept: by age, by count per flow, both, or (both null) forever. */
export const retentionPolicySchema = z.object({
  /** Finished runs that started more than this many days ago are deleted; null keeps them. */
  maxAgeDays: z.number().int('Days must be a whole number').min(1, 'Keep runs at least 1 day').max(36_500, 'At most 36500 days').nullable(),
  /** Only the newest this many runs of each flow are kept; null keeps them all. */
  maxRunsPerFlow: z.number().int('The count must be a whole number').min(1, 'Keep at least 1 run per flow').max(100_000_000, 'At most 100000000 runs').nullable(),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const keepForever: RetentionPolicy = { maxAgeDays: null, maxRunsPerFlow: null };

const wholeNumber = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .optional();

const envSchema = z.object({
  FLOWYARD_RUN_RETENTION_DAYS: wholeNumber('FLOWYARD_RUN_RETENTION_DAYS'),
  FLOWYARD_RUN_RETENTION_MAX_RUNS: wholeNumber('FLOWYARD_RUN_RETENTION_MAX_RUNS'),
});

/**
 * The retention the environment sets (FLOWYARD_RUN_RETENTION_DAYS, FLOWYARD_RUN_RETENTION_MAX_RUNS
 * per flow); unset or empty keeps runs forever. An admin's setting (settings.retention) overrides it.
 */
export function retentionFromEnv(env: NodeJS.ProcessEnv): RetentionPolicy {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = envSchema.safeParse(blankAsUnset);
  if (!parsed.success) throw new Error(`Invalid settings:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  const policy = retentionPolicySchema.safeParse({
    maxAgeDays: parsed.data.FLOWYARD_RUN_RETENTION_DAYS ?? null,
    maxRunsPerFlow: parsed.data.FLOWYARD_RUN_RETENTION_MAX_RUNS ?? null,
  });
  if (!policy.success) {
    const names = { maxAgeDays: 'FLOWYARD_RUN_RETENTION_DAYS', maxRunsPerFlow: 'FLOWYARD_RUN_RETENTION_MAX_RUNS' };
    const lines = policy.error.issues.map((i) => `${names[i.path[0] === 'maxAgeDays' ? 'maxAgeDays' : 'maxRunsPerFlow']}: ${i.message}`);
    throw new Error(`Invalid settings:\n  ${lines.join('\n  ')}`);
  }
  return policy.data;
}
