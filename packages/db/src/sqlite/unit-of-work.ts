import { runAfterCommit } from '../after-commit';
import { createRepos } from '../repos';
import type { QueryContext, WriteQuery } from '../repos/query-context';
import type { Store } from '../store';
import { createExclusive } from '../exclusive';
import type { FlowyardDb } from './open';
import { sqliteOrm } from './query-context';
import * as schema from './schema';

/**
 * Units of work on SQLite: one at a time under an in-process mutex (the server is the database's
 * only process), reading through the main connection, their writes collected and run as one
 * batch (one transaction) when the work is done.
 */
export function sqliteUnitOfWork(db: FlowyardDb): Store['unitOfWork'] {
  const exclusive = createExclusive();
  const orm = sqliteOrm(db);
  return (work) =>
    exclusive(async () => {
      const writes: WriteQuery[] = [];
      const callbacks: (() => void)[] = [];
      const context: QueryContext = {
        orm,
        t: schema,
        write: async (build) => {
          writes.push(...build(orm));
        },
        returning: () => Promise.reject(new Error('A write that answers at once cannot run inside a unit of work (it would not be part of it)')),
      };
      const result = await work({ repos: createRepos(context), afterCommit: (fn) => void callbacks.push(fn) });
      const [firstWrite, ...rest] = writes;
      if (firstWrite !== undefined) await db.orm.batch([firstWrite, ...rest]);
      runAfterCommit(callbacks);
      return result;
    });
}
