/**
 * An in-process async mutex: units of work of one process queue here, one at a time. On SQLite
 * that is all the serialisation there is (the server is the database's only process); on
 * PostgreSQL the unit then takes the database-wide lock, so a process never ties up more than one
 * pooled connection waiting for it.
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
