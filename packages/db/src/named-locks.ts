/** Lock names are short identifiers; bounded so a caller cannot hand in anything large. */
const maxNameLength = 200;

/**
 * Named locks held across every process that shares the database (SQLite: the server is its only
 * process, so an in-process lock is all it takes; PostgreSQL: a session advisory lock per name).
 * For work that must happen once however many instances want it at the same moment: fetching an
 * endpoint's token, pruning old runs.
 */
export interface NamedLocks {
  /** Runs `work` while holding the lock `name`, waiting for whoever holds it first. */
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Runs `work` while holding `name` if nobody holds it now; otherwise resolves `{ ran: false }` at once. */
  tryWithLock<T>(name: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

/** Throws for a name that is empty or longer than 200 characters. */
export function checkLockName(name: string): void {
  if (name.length === 0 || name.length > maxNameLength) throw new Error(`A lock name must have 1 to ${maxNameLength} characters`);
}

/**
 * Named locks of this process alone: each name a queue of its own, forgotten once nobody waits.
 * SQLite's locks, and PostgreSQL's first step (one connection per name and process at most).
 */
export function createLocalLocks(): NamedLocks {
  const tails = new Map<string, Promise<unknown>>();
  // Callers holding or waiting for each name, counted down before their result settles, so a
  // caller that awaited the holder finds the lock free at once.
  const pending = new Map<string, number>();

  const withLock = <T>(name: string, work: () => Promise<T>): Promise<T> => {
    try {
      checkLockName(name);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    pending.set(name, (pending.get(name) ?? 0) + 1);
    const done = (): void => {
      const left = (pending.get(name) ?? 1) - 1;
      if (left === 0) {
        pending.delete(name);
        tails.delete(name);
      } else pending.set(name, left);
    };
    const result = (tails.get(name) ?? Promise.resolve()).then(work).finally(done);
    tails.set(
      name,
      result.then(
        () => undefined,
        () => undefined,
      ),
    );
    return result;
  };

  return {
    withLock,
    async tryWithLock(name, work) {
      checkLockName(name);
      if (pending.has(name)) return { ran: false };
      return { ran: true, value: await withLock(name, work) };
    },
  };
}
