import { Script } from 'node:vm';
import type { FieldIssue } from '@flowyard/engine';

/**
 * Parses a shared library as the sandbox wraps it (a CommonJS function body) without running
 * it, so a syntax error is reported with its line when the library is saved rather than by
 * every script that requires it.
 */
export function librarySyntaxIssue(name: string, source: string): FieldIssue | null {
  const filename = `library-${name.replace(/[^\w.-]/g, '_')}.js`;
  try {
    // The wrapper sits on the first line, so line numbers are the source's own.
    new Script(`(function (exports, require, module) {${source}\n})`, { filename });
    return null;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const line = new RegExp(`${filename.replace(/\./g, '\\.')}:(\\d+)`).exec(error.stack ?? '')?.[1];
    const where = line === undefined ? '' : `Line ${line}: `;
    return { path: 'source', message: `${where}${error.message}` };
  }
}
