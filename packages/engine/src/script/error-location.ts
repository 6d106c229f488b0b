/** Where an error happened, from a QuickJS stack trace (`    at fn (file:line:col)` or `    at file:line:col`). */
export interface ErrorLocation {
  file: string;
  line: number;
  column: number;
}

const frame = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?\s*$/;

/** The first frame whose file is one of `files` (the step script or a shared library), if any. */
export function findErrorLocation(stack: string, files: (file: string) => boolean): ErrorLocation | undefined {
  for (const text of stack.split('\n')) {
    const match = frame.exec(text);
    if (!match) continue;
    const [, file, line, column] = match;
    if (file !== undefined && files(file)) return { file, line: Number(line), column: Number(column) };
  }
  return undefined;
}
