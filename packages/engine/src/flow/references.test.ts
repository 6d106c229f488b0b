import { describe, expect, it } from 'vitest';
import { FlowyardError } from '../errors/flowyard-error';
import { findReferences, lookupReference, replaceReferences, resolveReferences, splitReference, type ReferenceScope } from './references';

const scope: ReferenceScope = {
  trigger: { body: { id: 42, name: 'Ann', tags: ['a', 'b'], nested: { deep: true }, nothing: null } },
  'Get User': { status: 200, body: { items: [{ id: 'x1' }] }, headers: { 'content-type': 'application/json' } },
  'v1.2 call': { body: 'dotted step' },
  'v1': { body: 'shorter name' },
  'Odd keys': {
    body: { 'a.b': 1, 'first name': 'Ann', ' padded ': 'p', '{x}': 'braced', 'say "hi"': 'q', '': 'empty', rows: [{ 'id.v': 'r0' }] },
    'out.x': 'dotted output',
    out: { x: 'nested x' },
  },
};

describe('references', () => {
  it('finds references in order', () => {
    expect(findReferences('/u/{{trigger.body.id}}?n={{ Get User.status }}')).toEqual(['trigger.body.id', 'Get User.status']);
  });

  it.each([
    ['{{trigger.body.id}}', '42'],
    ['/users/{{trigger.body.name}}', '/users/Ann'],
    ['{{ trigger.body.name }}', 'Ann'],
    ['{{trigger.body.tags}}', '["a","b"]'],
    ['{{trigger.body.tags.1}}', 'b'],
    ['{{trigger.body.tags[0]}}', 'a'],
    ['{{trigger.body.nested}}', '{"deep":true}'],
    ['{{trigger.body.nested.deep}}', 'true'],
    ['{{trigger.body.nothing}}', 'null'],
    ['{{Get User.status}}', '200'],
    ['{{get user.status}}', '200'],
    ['{{Get User.body.items[0].id}}', 'x1'],
    ['{{Get User.headers.content-type}}', 'application/json'],
    ['{{v1.2 call.body}}', 'dotted step'],
    ['{{v1.body}}', 'shorter name'],
    ['{"id": {{trigger.body.id}}, "who": "{{trigger.body.name}}"}', '{"id": 42, "who": "Ann"}'],
    ['no references here', 'no references here'],
    ['{single} braces', '{single} braces'],
    ['{{Odd keys.body["a.b"]}}', '1'],
    ['{{Odd keys["body"]["a.b"]}}', '1'],
    ['{{Odd keys.body.first name}}', 'Ann'],
    ['{{Odd keys.body[" padded "]}}', 'p'],
    ['{{Odd keys.body["\\u007bx\\u007d"]}}', 'braced'],
    ['{{Odd keys.body["say \\"hi\\""]}}', 'q'],
    ['{{Odd keys.body[""]}}', 'empty'],
    ['{{Odd keys.body.rows[0]["id.v"]}}', 'r0'],
    ['{{Odd keys.body["rows"][0]["id.v"]}}', 'r0'],
    ['{{Odd keys.body["rows"].0["id.v"]}}', 'r0'],
    ['{{Odd keys.out.x}}', 'dotted output'],
    ['{{Odd keys["out"]["x"]}}', 'nested x'],
    ['{{Odd keys["out"].x}}', 'nested x'],
    ['{{Odd keys.out["x"]}}', 'nested x'],
  ])('resolves %s', (template, expected) => {
    expect(resolveReferences(template, scope)).toBe(expected);
  });

  it.each([
    ['{{Missing Step.body}}', 'no step named "Missing Step" ran before this step'],
    ['{{Get User.nope}}', 'step "Get User" has no output "nope"'],
    ['{{trigger.body.absent}}', '"trigger.body" has no "absent"'],
    ['{{trigger.body.tags.5}}', '"trigger.body.tags" has no "5"'],
    ['{{trigger.body.id.x}}', '"trigger.body.id" has no "x"'],
    ['{{}}', 'the reference is empty'],
    ['{{Odd keys.body.a.b}}', '"Odd keys.body" has no "a"'],
    ['{{Odd keys["nope"]}}', 'step "Odd keys" has no output "nope"'],
    ['{{Odd keys["Body"]}}', 'step "Odd keys" has no output "Body"'],
    ['{{Odd keys.body["a.c"]}}', '"Odd keys.body" has no "a.c"'],
  ])('refuses %s with VALIDATION_FAILED naming it', (template, problem) => {
    let caught: unknown;
    try {
      resolveReferences(`before ${template} after`, scope, 'Path');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FlowyardError);
    expect(caught).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'Path' } });
    expect(String(caught)).toContain(template);
    expect(String(caught)).toContain(problem);
  });

  it('looks up whole step outputs', () => {
    expect(lookupReference('Get User', scope)).toEqual({ found: true, value: scope['Get User'] });
  });

  it('reads quoted segments only after the step name, and falls back to plain names that contain `["`', () => {
    const shape = { 'Get User': ['body'], 'Odd ["x"] step': ['out'], 'A': ['b.c', 'b'], 'A.b': ['c'] };
    expect(splitReference('Get User["body"]["x.y"][2]', shape)).toEqual({ found: true, stepName: 'Get User', output: 'body', path: ['x.y', '2'] });
    expect(splitReference('Odd ["x"] step.out', shape)).toEqual({ found: true, stepName: 'Odd ["x"] step', output: 'out', path: [] });
    expect(splitReference('A.b.c', shape)).toEqual({ found: true, stepName: 'A.b', output: 'c', path: [] });
    expect(splitReference('A["b.c"]', shape)).toEqual({ found: true, stepName: 'A', output: 'b.c', path: [] });
    expect(splitReference('A["b"]["c"]', shape)).toEqual({ found: true, stepName: 'A', output: 'b', path: ['c'] });
    expect(splitReference('Get User["body', shape)).toMatchObject({ found: false });
    expect(splitReference('Get User["body"]x', shape)).toMatchObject({ found: false });
  });

  it('finds quoted references in templates (their braces are escaped)', () => {
    expect(findReferences('/x/{{Odd keys.body["\\u007bx\\u007d"]}}/{{Odd keys.body["a.b"]}}')).toEqual([
      'Odd keys.body["\\u007bx\\u007d"]',
      'Odd keys.body["a.b"]',
    ]);
  });

  it('replaces references with what a callback gives, as resolveReferences finds them', () => {
    const seen: string[] = [];
    const out = replaceReferences('/a/{{ trigger.body.id }}/{{Nope.x}}/{single}', (reference) => {
      seen.push(reference);
      return `<${reference}>`;
    });
    expect(out).toBe('/a/<trigger.body.id>/<Nope.x>/{single}');
    expect(seen).toEqual(['trigger.body.id', 'Nope.x']);
  });
});
