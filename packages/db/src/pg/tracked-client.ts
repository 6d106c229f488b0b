import type { ClientBase, Pool } from 'pg';
import { withOverrides } from '../with-overrides';
import { writtenTable } from '../write-generations';

/**
 * `client` (a pool or a pooled connection) with every write statement it runs reported to
 * `written` with the table it names, once it has run (whether it succeeded or not).
 */
export function trackWrites<C extends Pool | ClientBase>(client: C, written: (table: string) => void): C {
  const query = (...args: unknown[]): unknown => {
    const result: unknown = Reflect.apply(client.query, client, args);
    const table = writtenTable(args[0]);
    if (table === undefined || !(result instanceof Promise)) return result;
    return result.finally(() => written(table));
  };
  return withOverrides(client, new Map([['query', query]]));
}
