// The PostgreSQL twin of `src/sqlite/schema`: same tables, columns, keys and indexes, and row types
// identical to SQLite's (src/contract checks both), so one repository can serve either dialect.
// Timestamps stay ISO text as on SQLite. JSON columns are `json`, not `jsonb`: json keeps the
// text it is given, as SQLite does, while jsonb reorders object keys and refuses `\u0000` and
// lone surrogates (`\ud800`) that JSON.stringify writes for strings from step outputs and HTTP
// bodies, so a run SQLite records would fail to record here.
export * from './users';
export * from './workflows';
export * from './endpoints';
export * from './flows';
export * from './runs';
export * from './custom-steps';
export * from './scripting';
export * from './script-refs';
export * from './settings';
export * from './shared-state';
export * from './step-tests';
export * from './integrations';
