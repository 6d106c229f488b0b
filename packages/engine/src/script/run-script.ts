import { createScriptPool, type ScriptPool } from './script-pool';
import type { RunScriptOptions, ScriptRunResult } from './script-types';

let defaultPool: ScriptPool | undefined;

/** The process-wide pool `runScript` uses, created with the defaults on first use. */
export function defaultScriptPool(): ScriptPool {
  defaultPool ??= createScriptPool();
  return defaultPool;
}

/**
 * Runs a step script in the sandbox (SPEC §5) on the default pool. Resolves with its outputs
 * and console lines; rejects with a ScriptRunError (a FlowyardError with `.logs`) coded
 * SCRIPT_ERROR, SCRIPT_TIMEOUT, SCRIPT_OUT_OF_MEMORY, or the code of a request the script did not catch.
 */
export function runScript(options: RunScriptOptions): Promise<ScriptRunResult> {
  return defaultScriptPool().run(options);
}
