import { passwordSchema } from '@flowyard/engine';
import type { FirstAdminOutcome } from '../users/users-service';

/** FLOWYARD_ADMIN_PASSWORD, checked like any new password; undefined when unset. */
export function adminPasswordFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.FLOWYARD_ADMIN_PASSWORD;
  if (raw === undefined || raw === '') return undefined;
  const parsed = passwordSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid settings:\n  FLOWYARD_ADMIN_PASSWORD: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

/**
 * The lines to log about the first admin: the generated password, this once (it is not
 * stored anywhere readable), or where the password came from.
 */
export function firstAdminLogLines(outcome: FirstAdminOutcome): string[] {
  if (!outcome.created) return [];
  if (!outcome.generated) return [`Created the admin ${outcome.email} with the password from FLOWYARD_ADMIN_PASSWORD`];
  return [
    `Created the admin ${outcome.email}; sign in with this password (it is shown only this once):`,
    `    ${outcome.password}`,
  ];
}
