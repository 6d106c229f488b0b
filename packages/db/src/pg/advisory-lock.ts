import type { ClientBase } from 'pg';

// Flowyard's session advisory locks live in PostgreSQL's two-int4 key space under one first key
// ('flow'), so they cannot collide with a single-bigint lock another library (e.g. a job queue)
// takes on the same database. Every lock is named here, so no two uses share one by accident.
const namespace = 0x666c6f77;
const keys = {
  /** Applying migrations at start: several instances starting together migrate once. */
  migrate: 1,
  /** Building the migrated template database the tests copy (see testing/pg-test-database.ts). */
  testTemplate: 2,
  /** Units of work: one at a time across every process on the database (see unit-of-work.ts). */
  unitsOfWork: 3,
  /** Taking over runs whose lease lapsed: one instance at a time does it (see the server's run-lease.ts). */
  leaseReaper: 6,
} as const;

export type AdvisoryLockName = keyof typeof keys;

/**
 * Runs `work` while holding the session advisory lock `name` on `client`, waiting for whoever
 * holds it first; the lock is released afterwards (or with the connection, if that dies).
 */
export async function withAdvisoryLock<T>(client: ClientBase, name: AdvisoryLockName, work: () => Promise<T>): Promise<T> {
  const key = [namespace, keys[name]];
  await client.query('SELECT pg_advisory_lock($1::int4, $2::int4)', key);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // If unlocking fails the connection is gone, and the lock went with it: keep work's error.
    await client.query('SELECT pg_advisory_unlock($1::int4, $2::int4)', key).catch(() => undefined);
    throw error;
  }
  await client.query('SELECT pg_advisory_unlock($1::int4, $2::int4)', key);
  return result;
}

/** The SQL arguments of the advisory lock `name` (`pg_try_advisory_xact_lock($1::int4, $2::int4)` and the like). */
export function advisoryLockKey(name: AdvisoryLockName): [number, number] {
  return [namespace, keys[name]];
}

/**
 * Takes the transaction advisory lock `name` on `client`, inside its open transaction, waiting
 * for whoever holds it; it is released when the transaction ends, committed or not.
 */
export async function advisoryXactLock(client: ClientBase, name: AdvisoryLockName): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1::int4, $2::int4)', [namespace, keys[name]]);
}

// Named locks (NamedLocks) take their second key from hashtext(name) under a first key of their
// own, so they never meet the fixed locks above. Two names hashing alike share a lock: harmless,
// it only makes one wait for the other.
const namedNamespace = 0x666c6f78;

/**
 * Runs `work` holding the session advisory lock named `name` on `client`, waiting for it when
 * `wait`, else giving up at once when another session holds it (`{ ran: false }`).
 */
export async function withNamedAdvisoryLock<T>(client: ClientBase, name: string, wait: boolean, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const key = [namedNamespace, name];
  if (wait) await client.query('SELECT pg_advisory_lock($1::int4, hashtext($2))', key);
  else {
    const taken = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::int4, hashtext($2)) AS locked', key);
    if (taken.rows[0]?.locked !== true) return { ran: false };
  }
  let value: T;
  try {
    value = await work();
  } catch (error) {
    await client.query('SELECT pg_advisory_unlock($1::int4, hashtext($2))', key).catch(() => undefined);
    throw error;
  }
  await client.query('SELECT pg_advisory_unlock($1::int4, hashtext($2))', key);
  return { ran: true, value };
}
