// Node entry: everything in schemas plus the runtime (HTTP client, steps, runner).
export * from './schemas';
