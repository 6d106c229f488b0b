/**
 * Runs a committed unit's callbacks in order. One that throws cannot undo the commit: the rest
 * still run, then the first error (or all of them) is thrown for the unit's caller.
 */
export function runAfterCommit(callbacks: readonly (() => void)[]): void {
  const errors: unknown[] = [];
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'Callbacks after a commit failed');
}
