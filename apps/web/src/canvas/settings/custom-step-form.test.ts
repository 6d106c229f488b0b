import type { CustomStepDefinition } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { inputRecordOf, inputValuesOf, lengthHint } from './custom-step-form';

const input = (id: string, label: string) => ({
  id,
  label,
  required: false,
  minLength: null,
  maxLength: null,
  helpText: '',
  defaultValue: '',
  multiline: false,
});

const definition: CustomStepDefinition = {
  id: 'cs1',
  name: 'Notify',
  description: '',
  icon: 'bell',
  inputs: [input('a', 'Channel'), input('b', 'Message')],
  outputs: [],
  includeEndpoint: false,
  endpointType: 'any',
  endpointLabel: '',
  script: '',
  timeoutMs: 10_000,
};

describe('custom step settings values', () => {
  it('reads values in the definition order, empty when unset', () => {
    expect(inputValuesOf(definition, { customStepId: 'cs1', inputs: { b: 'hi' }, endpointId: null })).toEqual(['', 'hi']);
  });

  it('writes by input id, drops emptied values and keeps values of inputs the definition lost', () => {
    const config = { customStepId: 'cs1', inputs: { a: '#ops', gone: 'kept' }, endpointId: null };
    expect(inputRecordOf(definition, config, ['', '{{trigger.body.text}}'])).toEqual({ gone: 'kept', b: '{{trigger.body.text}}' });
  });

  it('says the length rules in words', () => {
    expect(lengthHint(2, 50)).toBe('2–50 characters');
    expect(lengthHint(3, null)).toBe('At least 3 characters');
    expect(lengthHint(null, 9)).toBe('At most 9 characters');
    expect(lengthHint(null, null)).toBeNull();
  });
});
