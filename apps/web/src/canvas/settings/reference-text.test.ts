import { findReferences, lookupReference, type Json, type ReferenceScope } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { childFields, outputFields, type DataField } from './data-tree';
import { referenceText, type ReferenceShape } from './reference-text';

const awkward: Record<string, Json> = {
  status: 200,
  body: {
    id: 7,
    'first name': 'Ann',
    'a.b': 'dotted key',
    a: { b: 'nested b' },
    ' padded ': 'spaces at the ends',
    '{x}': 'braces',
    'say "hi"': 'quotes',
    'x[0]': 'brackets',
    '': 'empty key',
    'line\nbreak': 'control',
    '0': 'digit key',
    'ünï ✓': 'unicode',
    items: [{ id: 'i0', tags: ['t0', 't1'] }, { id: 'i1', 'k.v': null }],
    matrix: [[1, 2], [3]],
  },
};

const scope: ReferenceScope = {
  trigger: { body: { user: { id: 'u1' } } },
  'Get User': awkward,
  'Get': { body: 'the short name' },
  'v1.2 call': { 'out.x': 'dotted output', out: { x: 'nested under out' } },
  'v1': { body: 'prefix step' },
};
const shape: ReferenceShape = Object.fromEntries(Object.entries(scope).map(([name, outputs]) => [name, Object.keys(outputs)]));

function everyField(fields: DataField[]): DataField[] {
  return fields.flatMap((field) => [field, ...everyField(childFields(field))]);
}

describe('referenceText', () => {
  it('writes plain paths with dots and array items as [n]', () => {
    expect(referenceText('Get User', 'body', ['items', 0, 'id'], shape)).toBe('Get User.body.items[0].id');
    expect(referenceText('Get User', 'body', ['first name'], shape)).toBe('Get User.body.first name');
    expect(referenceText('trigger', 'body', ['user', 'id'], shape)).toBe('trigger.body.user.id');
    expect(referenceText('Get User', 'status', [], shape)).toBe('Get User.status');
  });

  it('quotes keys a dotted path cannot spell', () => {
    expect(referenceText('Get User', 'body', ['a.b'], shape)).toBe('Get User.body["a.b"]');
    expect(referenceText('Get User', 'body', ['{x}'], shape)).toBe('Get User.body["\\u007bx\\u007d"]');
    expect(referenceText('Get User', 'body', ['say "hi"'], shape)).toBe('Get User.body["say \\"hi\\""]');
    expect(referenceText('Get User', 'body', [' padded '], shape)).toBe('Get User.body[" padded "]');
    expect(referenceText('Get User', 'body', ['items', 1, 'k.v'], shape)).toBe('Get User.body.items[1]["k.v"]');
  });

  it('quotes the output and path when dots would name another output or step', () => {
    expect(referenceText('v1.2 call', 'out', ['x'], shape)).toBe('v1.2 call["out"]["x"]');
    expect(referenceText('v1.2 call', 'out.x', [], shape)).toBe('v1.2 call.out.x');
    expect(referenceText('v1', 'body', [], shape)).toBe('v1.body');
  });

  it('gives null for a step name that a reference cannot hold', () => {
    expect(referenceText('odd {name}', 'body', [], { 'odd {name}': ['body'] })).toBeNull();
  });

  it('resolves every field of an awkward output to exactly that field', () => {
    for (const [stepName, outputs] of Object.entries(scope)) {
      for (const field of everyField(outputFields(outputs))) {
        const [output = '', ...path] = field.path;
        const reference = referenceText(stepName, String(output), path, shape);
        expect(reference, JSON.stringify(field.path)).not.toBeNull();
        // As a template holds it: the engine must find it between the braces, then resolve it.
        expect(findReferences(`x{{${reference}}}y`)).toEqual([reference]);
        expect(lookupReference(reference ?? '', scope), reference ?? '').toEqual({ found: true, value: field.value });
      }
    }
  });
});
