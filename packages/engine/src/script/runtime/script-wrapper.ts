/** How a script's source is wrapped so it runs as a function body. */
export interface ScriptWrapper {
  prefix: string;
  suffix: string;
  /** The body's completion value is its promise. */
  async: boolean;
}

const PLAIN: ScriptWrapper = { prefix: '(function () {', suffix: '\n}).call(this)', async: false };
// Sloppy mode still: an async function's body is only strict when it says so.
const ASYNC: ScriptWrapper = { prefix: '(async function () {', suffix: '\n}).call(this)', async: true };

/**
 * The wrappers to try in order: a body that mentions `await` runs as an async function body
 * (top-level await, with `return` still ending it), falling back to a plain one; any other
 * body runs plain, exactly as before.
 */
export function scriptWrappers(source: string): [ScriptWrapper] | [ScriptWrapper, ScriptWrapper] {
  return /\bawait\b/.test(source) ? [ASYNC, PLAIN] : [PLAIN];
}
