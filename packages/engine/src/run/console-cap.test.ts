import { describe, expect, it } from 'vitest';
import { CONSOLE_LINE_CUT_MARKER, createConsoleCap, MAX_CONSOLE_LINE_BYTES, MAX_CONSOLE_LINES } from './console-cap';
import type { LogLine } from './run-record';

const at = '2024-01-01T00:00:00.000Z';
const line = (message: string): LogLine => ({ level: 'log', message, at });
const bytes = (text: string): number => Buffer.byteLength(text);

describe('createConsoleCap', () => {
  it('keeps 1,000 lines, then closes with one line counting the rest', () => {
    const cap = createConsoleCap();
    const kept = Array.from({ length: 1500 }, (_, i) => cap.add(line(`line ${i}`))).filter((kept) => kept !== null);
    expect(MAX_CONSOLE_LINES).toBe(1000);
    expect(kept).toHaveLength(1000);
    expect(kept[999]?.message).toBe('line 999');
    expect(cap.end(at)).toEqual({ level: 'warn', message: expect.stringMatching(/^… truncated: 500 more console lines were dropped/), at });
    expect(cap.end(at)).toBeNull();
  });

  it('keeps a single line past the limit as it is, rather than a line saying one was dropped', () => {
    const cap = createConsoleCap();
    for (let i = 0; i < 1000; i++) cap.add(line(`line ${i}`));
    expect(cap.add({ level: 'warn', message: 'the last word', at })).toBeNull();
    expect(cap.end(at)).toEqual({ level: 'warn', message: 'the last word', at });
  });

  it('closes with nothing when nothing was dropped', () => {
    const cap = createConsoleCap();
    cap.add(line('only'));
    expect(cap.end(at)).toBeNull();
  });

  it('cuts a line at 8 KiB, marker included, without splitting a character', () => {
    const cap = createConsoleCap();
    const short = 'x'.repeat(MAX_CONSOLE_LINE_BYTES);
    expect(cap.add(line(short))?.message).toBe(short);
    for (const long of ['y'.repeat(10 * 1024 * 1024), 'é'.repeat(5000), '😀'.repeat(3000)]) {
      const message = cap.add(line(long))?.message ?? '';
      expect(message.endsWith(CONSOLE_LINE_CUT_MARKER)).toBe(true);
      expect(bytes(message)).toBeLessThanOrEqual(MAX_CONSOLE_LINE_BYTES);
      expect(bytes(message)).toBeGreaterThan(MAX_CONSOLE_LINE_BYTES - 40);
      expect(message).not.toContain('\uFFFD');
    }
  });
});
