import { asc, eq } from 'drizzle-orm';
import type { WorkflowRow } from '../tables';
import { first, type QueryContext } from './query-context';

/** Workflows: the containers of flows, endpoints and the rest (SPEC §1). */
export function workflowsRepo({ orm, t, write }: QueryContext) {
  const { workflows } = t;
  return {
    /** Every workflow, by name. */
    list: async (): Promise<WorkflowRow[]> => orm.select().from(workflows).orderBy(asc(workflows.name)),
    get: (id: string): Promise<WorkflowRow | undefined> => first(orm.select().from(workflows).where(eq(workflows.id, id))),
    findByName: (name: string): Promise<WorkflowRow | undefined> => first(orm.select().from(workflows).where(eq(workflows.name, name))),
    insert: (row: WorkflowRow): Promise<void> => write((o) => [o.insert(workflows).values(row)]),
  };
}
