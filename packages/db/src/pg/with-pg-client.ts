import type { Pool, PoolClient } from 'pg';

/**
 * Lends `work` one pooled connection for its whole duration, for what needs the same session
 * throughout: a LISTEN, a session advisory lock, a queue library's own transaction.
 */
export type WithPgClient = <T>(work: (client: PoolClient) => Promise<T>) => Promise<T>;

/** A WithPgClient over `pool`. */
export function createWithPgClient(pool: Pool): WithPgClient {
  return async (work) => {
    const client = await pool.connect();
    let result;
    try {
      result = await work(client);
    } catch (error) {
      // Work that failed may have left a transaction open or a lock or LISTEN held on the
      // session: the pool closes this connection instead of lending it out again.
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    client.release();
    return result;
  };
}
