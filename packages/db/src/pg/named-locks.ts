import { checkLockName, createLocalLocks, type NamedLocks } from '../named-locks';
import { withNamedAdvisoryLock } from './advisory-lock';
import type { WithPgClient } from './with-pg-client';

/**
 * Named locks on PostgreSQL: first this process's own lock for the name (so a process holds at
 * most one pooled connection per name, however many callers wait), then a session advisory lock
 * on a connection lent for the work's duration, which every other process on the database sees.
 */
export function pgNamedLocks(withPgClient: WithPgClient): NamedLocks {
  const local = createLocalLocks();
  return {
    withLock: (name, work) =>
      local.withLock(name, () =>
        withPgClient(async (client) => {
          const held = await withNamedAdvisoryLock(client, name, true, work);
          if (!held.ran) throw new Error(`The lock ${name} was not taken`);
          return held.value;
        }),
      ),
    async tryWithLock(name, work) {
      checkLockName(name);
      const attempt = await local.tryWithLock(name, () => withPgClient((client) => withNamedAdvisoryLock(client, name, false, work)));
      return attempt.ran ? attempt.value : attempt;
    },
  };
}
