/**
 * An in-process async mutex. SQLite has one writer, and the libsql driver runs
 * statements synchronously: a read-check-then-write sequence (flow save, endpoint
 * delete) must not interleave with another one across its awaits, so those
 * sequences run one at a time under this lock and write with one atomic batch.
 */
export function createExclusive(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work);
    // The next caller waits for this one to settle, whether it succeeded or not.
    tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
}
