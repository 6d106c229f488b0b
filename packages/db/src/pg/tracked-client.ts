import type { ClientBase, Pool } from 'pg';
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
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') return query;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // Methods use the object's own state: they must run on it, not on the proxy.
      let fn = bound.get(property);
      if (fn === undefined) {
        fn = value.bind(target);
        bound.set(property, fn);
      }
      return fn;
    },
  });
}
