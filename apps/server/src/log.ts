/**
 * Server log lines. Callers pass messages and errors, never request inputs, so
 * secrets cannot reach the log through here.
 */
export const log = {
  info(message: string): void {
    console.log(`[flowyard] ${message}`);
  },
  warn(message: string): void {
    console.warn(`[flowyard] ${message}`);
  },
  error(message: string, error?: unknown): void {
    console.error(`[flowyard] ${message}`, ...(error === undefined ? [] : [error]));
  },
};
