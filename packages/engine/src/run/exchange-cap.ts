import type { HttpExchange, LogLine } from './run-record';

/** HTTP exchanges a step keeps (SPEC §7a): a script looping requests for a minute must not store thousands. */
export const MAX_STEP_EXCHANGES = 100;

/** Keeps a step's exchanges within their bound; the ones past it are counted in one console line. */
export interface ExchangeCap {
  /** Appends `exchange` to `kept` unless the step already has its 100. */
  add(kept: HttpExchange[], exchange: HttpExchange): void;
  /** The line saying how many exchanges were not kept; null when none were dropped. */
  end(at: string): LogLine | null;
}

/** A fresh cap for one step. */
export function createExchangeCap(): ExchangeCap {
  let dropped = 0;
  return {
    add(kept, exchange) {
      if (kept.length < MAX_STEP_EXCHANGES) kept.push(exchange);
      else dropped += 1;
    },
    end(at) {
      if (dropped === 0) return null;
      const message = `… truncated: ${dropped} more HTTP exchanges were not recorded (a step keeps at most ${MAX_STEP_EXCHANGES})`;
      dropped = 0;
      return { level: 'warn', message, at };
    },
  };
}
