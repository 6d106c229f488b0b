import { and, asc, eq } from 'drizzle-orm';
import type { ConstantRow, LibraryRow } from '../tables';
import { first, type QueryContext } from './query-context';

/** Workflow constants (scripts read them as `constants['Name']`); names unique per workflow by `nameKey`. */
export function constantsRepo({ orm, t, write }: QueryContext) {
  const { constants } = t;
  return {
    get: (id: string): Promise<ConstantRow | undefined> => first(orm.select().from(constants).where(eq(constants.id, id))),
    getInWorkflow: (workflowId: string, id: string): Promise<ConstantRow | undefined> =>
      first(orm.select().from(constants).where(and(eq(constants.id, id), eq(constants.workflowId, workflowId)))),
    findByNameKey: (workflowId: string, nameKey: string): Promise<ConstantRow | undefined> =>
      first(orm.select().from(constants).where(and(eq(constants.workflowId, workflowId), eq(constants.nameKey, nameKey)))),
    /** A workflow's constants by name key, then name. */
    listByWorkflow: async (workflowId: string): Promise<ConstantRow[]> =>
      orm.select().from(constants).where(eq(constants.workflowId, workflowId)).orderBy(asc(constants.nameKey), asc(constants.name)),
    /** A workflow's constants in no particular order (what scripts see). */
    inWorkflow: async (workflowId: string): Promise<ConstantRow[]> => orm.select().from(constants).where(eq(constants.workflowId, workflowId)),
    insert: (row: ConstantRow): Promise<void> => write((o) => [o.insert(constants).values(row)]),
    insertMany: (rows: readonly ConstantRow[]): Promise<void> => write((o) => (rows.length === 0 ? [] : [o.insert(constants).values([...rows])])),
    update: (row: ConstantRow): Promise<void> => write((o) => [o.update(constants).set(row).where(eq(constants.id, row.id))]),
    delete: (id: string): Promise<void> => write((o) => [o.delete(constants).where(eq(constants.id, id))]),
  };
}

/** A library without its source: what lists show. */
export type LibrarySummaryRow = Pick<LibraryRow, 'id' | 'workflowId' | 'name' | 'updatedAt'>;

/** Shared libraries (CommonJS sources scripts `require`); names unique per workflow by `nameKey`. */
export function librariesRepo({ orm, t, write }: QueryContext) {
  const { libraries } = t;
  return {
    get: (id: string): Promise<LibraryRow | undefined> => first(orm.select().from(libraries).where(eq(libraries.id, id))),
    getInWorkflow: (workflowId: string, id: string): Promise<LibraryRow | undefined> =>
      first(orm.select().from(libraries).where(and(eq(libraries.id, id), eq(libraries.workflowId, workflowId)))),
    findByNameKey: (workflowId: string, nameKey: string): Promise<LibraryRow | undefined> =>
      first(orm.select().from(libraries).where(and(eq(libraries.workflowId, workflowId), eq(libraries.nameKey, nameKey)))),
    /** A workflow's libraries by name key, then name, without their sources. */
    summaries: async (workflowId: string): Promise<LibrarySummaryRow[]> =>
      orm
        .select({ id: libraries.id, workflowId: libraries.workflowId, name: libraries.name, updatedAt: libraries.updatedAt })
        .from(libraries)
        .where(eq(libraries.workflowId, workflowId))
        .orderBy(asc(libraries.nameKey), asc(libraries.name)),
    /** A workflow's libraries with their sources, in no particular order. */
    inWorkflow: async (workflowId: string): Promise<LibraryRow[]> => orm.select().from(libraries).where(eq(libraries.workflowId, workflowId)),
    insert: (row: LibraryRow): Promise<void> => write((o) => [o.insert(libraries).values(row)]),
    insertMany: (rows: readonly LibraryRow[]): Promise<void> => write((o) => (rows.length === 0 ? [] : [o.insert(libraries).values([...rows])])),
    update: (row: LibraryRow): Promise<void> => write((o) => [o.update(libraries).set(row).where(eq(libraries.id, row.id))]),
    delete: (id: string): Promise<void> => write((o) => [o.delete(libraries).where(eq(libraries.id, id))]),
  };
}
