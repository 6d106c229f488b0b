import type { Client } from '@libsql/client';
import { withOverrides } from '../with-overrides';
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
  return withOverrides(client, wrapped);
}
