import { and, desc, eq, inArray } from 'drizzle-orm';
import type { StepTestRow } from '../tables';
import type { QueryContext } from './query-context';

/** "Test step" results, newest first per step; only the newest few are kept. */
export function stepTestsRepo({ orm, t, write }: QueryContext) {
  const { stepTests } = t;
  const ofStep = (flowId: string, nodeId: string) => and(eq(stepTests.flowId, flowId), eq(stepTests.nodeId, nodeId));
  return {
    /** The step's latest tests, newest first. */
    list: (flowId: string, nodeId: string, limit: number): Promise<StepTestRow[]> =>
      orm.select().from(stepTests).where(ofStep(flowId, nodeId)).orderBy(desc(stepTests.startedAt), desc(stepTests.id)).limit(limit),
    /** Records a test and forgets the step's tests past the newest `keep`. */
    async insert(row: StepTestRow, keep: number): Promise<void> {
      await write((o) => [o.insert(stepTests).values(row)]);
      const older = await orm.select({ id: stepTests.id }).from(stepTests).where(ofStep(row.flowId, row.nodeId)).orderBy(desc(stepTests.startedAt), desc(stepTests.id)).limit(1000).offset(keep);
      if (older.length > 0) await write((o) => [o.delete(stepTests).where(inArray(stepTests.id, older.map((test) => test.id)))]);
    },
  };
}
