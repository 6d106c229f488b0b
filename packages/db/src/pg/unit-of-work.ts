import { runAfterCommit } from '../after-commit';
import { createExclusive } from '../exclusive';
import { createRepos } from '../repos';
import type { QueryContext } from '../repos/query-context';
import type { Store } from '../store';
import type { InTransaction } from './transactions';

/**
 * Units of work on PostgreSQL: each is one transaction that first takes a database-wide advisory
 * lock, so units run one at a time across every process, as they do on SQLite (flow save's version
 * check, endpoint delete against its use, import). Units of one process queue in memory first, so
 * a process holds at most one connection waiting for the lock. Writes run in the transaction as
 * they come; configuration writes are rare, so one lock for all of them costs nothing that matters.
 */
export function pgUnitOfWork(inTransaction: InTransaction): Store['unitOfWork'] {
  const exclusive = createExclusive();
  return (work) =>
    exclusive(async () => {
      const callbacks: (() => void)[] = [];
      const result = await inTransaction({ unitLock: true }, async (handles) => {
        const context: QueryContext = {
          ...handles,
          write: async (build) => {
            for (const query of build(handles.orm)) await query;
          },
          returning: () => Promise.reject(new Error('A write that answers at once cannot run inside a unit of work (it would not be part of it)')),
        };
        return work({ repos: createRepos(context), afterCommit: (fn) => void callbacks.push(fn) });
      });
      runAfterCommit(callbacks);
      return result;
    });
}
