import { createRepos, type Repos } from '../repos';
import type { Orm, QueryContext, WriteQuery } from '../repos/query-context';
import type { FlowyardDb } from './open';
import * as schema from './schema';

/** The handle as repositories see it (the SQLite type it already has). */
export function sqliteOrm(db: FlowyardDb): Orm {
  return db.orm;
}

/** Repositories whose writes run at once: one statement as it is, several as one batch (one transaction). */
export function sqliteRepos(db: FlowyardDb): Repos {
  const orm = sqliteOrm(db);
  const run = async (writes: readonly WriteQuery[]): Promise<unknown[]> => {
    const [firstWrite, ...rest] = writes;
    if (firstWrite === undefined) return [];
    if (rest.length === 0) return [await firstWrite];
    return db.orm.batch([firstWrite, ...rest]);
  };
  const context: QueryContext = {
    orm,
    t: schema,
    write: async (build) => {
      await run(build(orm));
    },
    returning: async (build) => {
      const [rows] = await run(build(orm));
      return Array.isArray(rows) ? rows : [];
    },
  };
  return createRepos(context);
}
