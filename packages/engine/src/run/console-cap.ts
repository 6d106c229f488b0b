import { truncateUtf8 } from '../http/truncate';
import type { LogLine } from './run-record';

/** Console lines a step keeps (SPEC §7a); what comes after them is counted in one last line. */
export const MAX_CONSOLE_LINES = 1000;
/** UTF-8 bytes a console line keeps, its marker included. */
export const MAX_CONSOLE_LINE_BYTES = 8 * 1024;
/** Ends a line that was cut. */
export const CONSOLE_LINE_CUT_MARKER = '… [line truncated at 8 KiB]';

const markerBytes = new TextEncoder().encode(CONSOLE_LINE_CUT_MARKER).length;

/** Keeps a step's console within its bounds, line by line as they come. */
export interface ConsoleCap {
  /** The line as kept (cut at 8 KiB with a marker), or null once the step has its 1,000 lines. */
  add(line: LogLine): LogLine | null;
  /**
   * The line that closes a console that went over: the one line that did not fit, kept as it is,
   * or a line saying how many were dropped; null when nothing was.
   */
  end(at: string): LogLine | null;
}

/** A fresh cap for one step (or one script run: the sandbox applies the same bounds at the source). */
export function createConsoleCap(): ConsoleCap {
  let kept = 0;
  let dropped = 0;
  let firstDropped: LogLine | null = null;
  return {
    add(line) {
      if (kept >= MAX_CONSOLE_LINES) {
        dropped += 1;
        firstDropped ??= capLine(line);
        return null;
      }
      kept += 1;
      return capLine(line);
    },
    end(at) {
      if (dropped === 0) return null;
      // A line saying that one line was dropped would take the place of that very line.
      const line = dropped === 1 ? firstDropped : { level: 'warn' as const, message: droppedMessage(dropped), at };
      dropped = 0;
      firstDropped = null;
      return line;
    },
  };
}

function capLine(line: LogLine): LogLine {
  // Every UTF-16 unit is at least one byte: a longer message is over for sure, and only its start is encoded.
  const long = line.message.length > MAX_CONSOLE_LINE_BYTES;
  const head = long ? line.message.slice(0, MAX_CONSOLE_LINE_BYTES) : line.message;
  if (!long && !truncateUtf8(head, MAX_CONSOLE_LINE_BYTES).truncated) return line;
  return { ...line, message: `${truncateUtf8(head, MAX_CONSOLE_LINE_BYTES - markerBytes).text}${CONSOLE_LINE_CUT_MARKER}` };
}

function droppedMessage(dropped: number): string {
  return `… truncated: ${dropped} more console lines were dropped (a step keeps at most ${MAX_CONSOLE_LINES} lines of 8 KiB)`;
}
