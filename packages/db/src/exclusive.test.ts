import { describe, expect, it } from 'vitest';
import { createExclusive } from './exclusive';

describe('createExclusive', () => {
  it('runs exclusive sections one at a time, even when one fails', async () => {
    const exclusive = createExclusive();
    const order: string[] = [];
    const slow = exclusive(async () => {
      order.push('a:start');
      await new Promise((r) => setTimeout(r, 20));
      order.push('a:end');
      throw new Error('boom');
    });
    const fast = exclusive(async () => {
      order.push('b');
      return 2;
    });
    await expect(slow).rejects.toThrow('boom');
    expect(await fast).toBe(2);
    expect(order).toEqual(['a:start', 'a:end', 'b']);
  });
});
