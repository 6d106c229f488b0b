import { describe, expect, it } from 'vitest';
import { FlowyardError } from '../errors/flowyard-error';
import { findReferences, lookupReference, resolveReferences, type ReferenceScope } from './references';

const scope: ReferenceScope = {
  trigger: { body: { id: 42, name: 'Ann', tags: ['a', 'b'], nested: { deep: true }, nothing: null } },
  'Get User': { status: 200, body: { items: [{ id: 'x1' }] }, headers: { 'content-type': 'application/json' } },
  'v1.2 call': { body: 'dotted step' },
  'v1': { body: 'shorter name' },
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
});
