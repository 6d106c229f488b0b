import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(4096);
let poolOffset = pool.length;
let lastMs = 0;
let sequence = 0;

function randomBytes8(): Buffer {
  if (poolOffset + 8 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 8);
  poolOffset += 8;
  return bytes;
}

/**
 * A UUID version 7 (RFC 9562): the time in ms, then a 12-bit counter that keeps ids of the same
 * millisecond in creation order, then 62 random bits. Run and step ids are made this way so that
 * new records land at the end of their tables' indexes instead of on random pages: a batch of
 * records then dirties a few pages, not one per record.
 */
export function timeOrderedId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // 4096 ids in one millisecond: borrow the next one, so order still holds.
    lastMs++;
    sequence = 0;
  }
  const random = randomBytes8();
  const time = lastMs.toString(16).padStart(12, '0');
  const counter = (0x7000 | sequence).toString(16);
  const variant = ((random[0] ?? 0) & 0x3f) | 0x80;
  const tail = random.subarray(1, 8).toString('hex');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-${counter}-${variant.toString(16)}${tail.slice(0, 2)}-${tail.slice(2, 14)}`;
}
