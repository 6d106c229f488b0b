// Browser-safe entry: schemas, types and pure helpers only (no Node imports).
export * from './errors/error-code';
export * from './errors/flowyard-error';
export * from './endpoint/endpoint-name';
export * from './endpoint/base-url';
export * from './endpoint/auth';
export * from './endpoint/endpoint';
export * from './flow/flow-graph';
export * from './flow/flow';
export * from './run/run-record';
export * from './steps/http-request/http-request-config';
export * from './steps/manual-trigger/manual-trigger-config';
