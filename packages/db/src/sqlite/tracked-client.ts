import type { Client } from '@libsql/client';
import type { TrackedGenerations } from '../write-generations';

/**
 * The client, with every statement it runs noted in `generations` once it has run (a cache
 * that read before the bump is then invalid; one that read after it, merely reloads once).
 */
export function trackWrites(client: Client, generations: TrackedGenerations): Client {
  const after = <T>(work: Promise<T>, done: () => void): Promise<T> => work.finally(done);
  const wrapped = new Map<PropertyKey, unknown>([
    ['execute', (stmt: unknown, ...rest: unknown[]) => after(Reflect.apply(client.execute, client, [stmt, ...rest]), () => generations.note(stmt))],
    [
      'batch',
      (stmts: readonly unknown[], ...rest: unknown[]) =>
        after(Reflect.apply(client.batch, client, [stmts, ...rest]), () => {
          for (const stmt of stmts) generations.note(stmt);
        }),
    ],
    // Migrations, scripts and interactive transactions: too coarse to follow, so everything moves.
    ['migrate', (...args: unknown[]) => after(Reflect.apply(client.migrate, client, args), () => generations.bumpAll())],
    ['executeMultiple', (...args: unknown[]) => after(Reflect.apply(client.executeMultiple, client, args), () => generations.bumpAll())],
    [
      'transaction',
      async (...args: unknown[]) => {
        generations.bumpAll();
        const tx: Awaited<ReturnType<Client['transaction']>> = await Reflect.apply(client.transaction, client, args);
        const commit = tx.commit.bind(tx);
        tx.commit = () => after(commit(), () => generations.bumpAll());
        return tx;
      },
    ],
  ]);
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(target, property) {
      if (wrapped.has(property)) return wrapped.get(property);
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // Methods use private fields: they must run on the client itself, not on the proxy.
      let fn = bound.get(property);
      if (fn === undefined) {
        fn = value.bind(target);
        bound.set(property, fn);
      }
      return fn;
    },
  });
}
