// The script sandbox (SPEC §5): QuickJS in worker threads, I/O injected by the caller.
export * from './script-types';
export * from './script-limits';
export * from './script-run-error';
export * from './script-pool';
export * from './run-script';
export { defaultScriptWorkerUrl } from './spawn-script-worker';
export * from './integration-globals';
