import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { toDiagnostic } from './code-problems';

const doc = Text.of(['var a = 1;', 'var b = ;', '']);

describe('toDiagnostic', () => {
  it('marks the character at the line and column the parser gave', () => {
    expect(toDiagnostic(doc, { line: 2, column: 8, message: 'Unexpected token' })).toEqual({ from: 19, to: 20, severity: 'error', message: 'Unexpected token' });
  });

  it('stays inside the text when it changed since (a line or column past the end)', () => {
    expect(toDiagnostic(doc, { line: 2, column: 40, message: 'x' })).toMatchObject({ from: 20, to: 20 });
    expect(toDiagnostic(doc, { line: 9, column: 0, message: 'x' })).toMatchObject({ from: 21, to: 21 });
  });
});
