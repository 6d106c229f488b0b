import { describe, expect, it } from 'vitest';
import { scriptSyntaxProblem } from './script-ast';
import { findScriptObjectRefs } from './script-object-refs';

const refs = (script: string) => {
  const found = findScriptObjectRefs(script);
  return { libraries: Object.fromEntries(found.libraries), constants: Object.fromEntries(found.constants) };
};

describe('findScriptObjectRefs', () => {
  it('finds literal require() of libraries (as the sandbox resolves them) and constants read by name', () => {
    const script = [
      "var u = require('Utils');",
      'var v = require("./utils.js");',
      'var d = require(`dates`);',
      "var r = constants['Region'] + constants.Zone + constants[\"Region\"];",
      'return u;',
    ].join('\n');
    expect(refs(script)).toEqual({
      libraries: { utils: { name: 'Utils', occurrences: 2 }, dates: { name: 'dates', occurrences: 1 } },
      constants: { Region: { name: 'Region', occurrences: 2 }, Zone: { name: 'Zone', occurrences: 1 } },
    });
  });

  it('ignores names computed at run time, other objects, and scripts that do not parse', () => {
    expect(refs("var n = 'x'; require(n); constants[n]; other.require('a'); foo.constants['b']; require(`a${n}`);")).toEqual({ libraries: {}, constants: {} });
    expect(refs("require('a'")).toEqual({ libraries: {}, constants: {} });
  });
});

describe('scriptSyntaxProblem', () => {
  it('gives the line and column of the first syntax error, and null for a library that parses (top-level return allowed)', () => {
    expect(scriptSyntaxProblem('exports.a = 1;\nreturn;')).toBeNull();
    expect(scriptSyntaxProblem('var a = 1;\nvar b = ;\n')).toEqual({ message: 'Unexpected token', line: 2, column: 8, offset: 19 });
  });
});
