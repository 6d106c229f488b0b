import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(4096);
let poolOffset = pool.length;
let lastMs = 0;
let sequence = 0;

// Two hex digits per byte value: ids are built by lookups, with no buffer views or encodings per id.
const hex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The offset of 8 fresh random bytes in `pool`. */
function randomOffset(): number {
  if (poolOffset + 8 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const offset = poolOffset;
  poolOffset += 8;
  return offset;
}

const byteHex = (offset: number): string => hex[pool[offset] ?? 0] ?? '00';

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
  const at = randomOffset();
  const time = lastMs.toString(16).padStart(12, '0');
  const counter = (0x7000 | sequence).toString(16);
  const variant = hex[((pool[at] ?? 0) & 0x3f) | 0x80] ?? '80';
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-${counter}-${variant}${byteHex(at + 1)}-${byteHex(at + 2)}${byteHex(at + 3)}${byteHex(at + 4)}${byteHex(at + 5)}${byteHex(at + 6)}${byteHex(at + 7)}`;
}
