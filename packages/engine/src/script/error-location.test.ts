import { describe, expect, test } from 'vitest';
import { findErrorLocation } from './error-location';

const ours = (file: string): boolean => file === 'script.js' || /^library-\d+\.js$/.test(file);

describe('findErrorLocation', () => {
  test('takes the first frame in the script or a library, skipping natives and the prelude', () => {
    const stack = [
      '    at stringify (native)',
      '    at write (flowyard-prelude.js:140:9)',
      '    at helper (library-2.js:7:15)',
      '    at <anonymous> (script.js:3:3)',
      '    at <eval> (script.js:4:3)',
    ].join('\n');
    expect(findErrorLocation(stack, ours)).toEqual({ file: 'library-2.js', line: 7, column: 15 });
  });

  test('reads frames without a function name (syntax errors)', () => {
    expect(findErrorLocation('    at script.js:12:5\n', ours)).toEqual({ file: 'script.js', line: 12, column: 5 });
  });

  test('is undefined when no frame is ours', () => {
    expect(findErrorLocation('    at f (flowyard-prelude.js:1:2)\n    at <input>:3:8', ours)).toBeUndefined();
    expect(findErrorLocation('', ours)).toBeUndefined();
  });
});
