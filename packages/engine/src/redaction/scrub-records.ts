import type { HttpExchange, LogLine, RunEvent, StepError, StepRecord } from '../run/run-record';
import type { Scrubber } from './scrubber';

/** An exchange with every text scrubbed (URL, header names and values, bodies, error). */
export function scrubExchange(scrubber: Scrubber, exchange: HttpExchange): HttpExchange {
  if (scrubber.empty) return exchange;
  const text = scrubber.text;
  const headers = (values: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(values).map(([name, value]) => [text(name), text(value)]));
  return {
    ...exchange,
    url: text(exchange.url),
    requestHeaders: headers(exchange.requestHeaders),
    requestBody: exchange.requestBody === null ? null : text(exchange.requestBody),
    responseHeaders: headers(exchange.responseHeaders),
    responseBody: exchange.responseBody === null ? null : text(exchange.responseBody),
    statusText: exchange.statusText === null ? null : text(exchange.statusText),
    error: exchange.error === null ? null : { code: exchange.error.code, message: text(exchange.error.message) },
  };
}

/** A step error (or a run's first failure) with its message and details scrubbed. */
export function scrubStepError(scrubber: Scrubber, error: StepError): StepError {
  if (scrubber.empty) return error;
  return { code: error.code, message: scrubber.text(error.message), details: scrubber.jsonRecord(error.details) };
}

/** A step record as it may be stored and shown: inputs, outputs, console lines, exchanges and error scrubbed. */
export function scrubStepRecord(scrubber: Scrubber, record: StepRecord): StepRecord {
  if (scrubber.empty) return record;
  return {
    ...record,
    inputs: scrubber.jsonRecord(record.inputs),
    outputs: record.outputs === null ? null : scrubber.jsonRecord(record.outputs),
    exchanges: record.exchanges.map((exchange) => scrubExchange(scrubber, exchange)),
    logs: record.logs.map((line): LogLine => ({ ...line, message: scrubber.text(line.message) })),
    error: record.error === null ? null : scrubStepError(scrubber, record.error),
  };
}

/** A run or step record as the runner hands it to its sink. */
export function scrubRunEvent(scrubber: Scrubber, event: RunEvent): RunEvent {
  if (scrubber.empty) return event;
  if (event.type === 'step') return { type: 'step', step: scrubStepRecord(scrubber, event.step) };
  return { type: 'run', run: event.run.error === null ? event.run : { ...event.run, error: scrubStepError(scrubber, event.run.error) } };
}
