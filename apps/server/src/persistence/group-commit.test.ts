import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit';

describe('group commit', () => {
  it('writes what one turn of the event loop queued as one batch, and resolves waiters after it', async () => {
    const batches: number[][] = [];
    const order: string[] = [];
    const queue = createGroupCommit<number>({
      write: async (batch) => {
        batches.push([...batch]);
        order.push(`write ${batch.join(',')}`);
      },
      committed: (batch) => void order.push(`committed ${batch.join(',')}`),
    });
    queue.enqueue(1);
    const second = queue.commit(2).then(() => order.push('waiter 2'));
    queue.enqueue(3);
    await second;
    expect(batches).toEqual([[1, 2, 3]]);
    expect(order).toEqual(['write 1,2,3', 'committed 1,2,3', 'waiter 2']);
  });

  it('queues what arrives during a write for the next batch, in order', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const queue = createGroupCommit<number>({
      write: (batch) => {
        batches.push([...batch]);
        return batches.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
    });
    const first = queue.commit(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    const later = [queue.commit(2), queue.commit(3)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    release();
    await first;
    await Promise.all(later);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('writes at once when a batch is full', async () => {
    const batches: number[][] = [];
    const queue = createGroupCommit<number>({ maxBatch: 2, write: async (batch) => void batches.push([...batch]) });
    const waits = [1, 2, 3, 4, 5].map((n) => queue.commit(n));
    await Promise.all(waits);
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5]);
    expect(batches[0]).toEqual([1, 2]);
  });

  it('rejects the waiters of a failed batch, reports it, and goes on with the next', async () => {
    const failed: number[][] = [];
    let calls = 0;
    const queue = createGroupCommit<number>({
      write: async () => {
        calls++;
        if (calls === 1) throw new Error('disk full');
      },
      failed: (batch) => void failed.push([...batch]),
    });
    queue.enqueue(1);
    await expect(queue.commit(2)).rejects.toThrow('disk full');
    await expect(queue.commit(3)).resolves.toBeUndefined();
    expect(failed).toEqual([[1, 2]]);
  });

  it('treats a write that throws synchronously as a failed batch', async () => {
    const queue = createGroupCommit<number>({
      write: () => {
        throw new Error('sync');
      },
    });
    await expect(queue.commit(1)).rejects.toThrow('sync');
  });

  it('flush waits for everything queued so far', async () => {
    const written: number[] = [];
    const queue = createGroupCommit<number>({ delayMs: 50, write: async (batch) => void written.push(...batch) });
    queue.enqueue(1);
    queue.enqueue(2);
    expect(queue.pending).toBe(2);
    await queue.flush();
    expect(written).toEqual([1, 2]);
    expect(queue.pending).toBe(0);
  });
});
