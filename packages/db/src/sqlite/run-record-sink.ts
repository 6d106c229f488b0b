import type { RunRecordSink } from '../store';
import type { RunInsertRow, RunStepRow } from '../tables';
import { rowInserter, updateStatements } from './batch-statements';
import type { FlowyardDb } from './open';
import { runs, runSteps } from './schema';

/**
 * Run records on SQLite: a batch is one transaction of prepared-once statements, on the writer
 * thread for a file database (see open.ts writeBatch).
 */
export function sqliteRunRecordSink(db: FlowyardDb): RunRecordSink {
  const insertRun = rowInserter<RunInsertRow>(runs);
  const upsertStep = rowInserter<RunStepRow>(runSteps, { conflictKey: 'id', upsertExcept: ['runId'] });
  return {
    write: (batch) =>
      db.writeBatch([
        ...batch.runs.map(insertRun),
        ...batch.steps.map(upsertStep),
        ...updateStatements(runs, 'id', batch.runUpdates),
      ]),
  };
}
