import { resolveReferences } from '../../flow/references';
import { defineStep } from '../define-step';
import { switchConfigSchema, switchDefaultHandle, switchOutputs } from './switch-config';

/**
 * The Switch step (SPEC §6): resolves its value, compares it with each case's value
 * (references resolved too; exact, case-sensitive string match, first match wins) and
 * continues only along the matching case's handle, or along `default`.
 */
export const switchStep = defineStep({
  type: 'switch',
  title: 'Switch',
  description: 'Continues along the case whose value equals the given value, or along Default.',
  kind: 'action',
  config: switchConfigSchema,
  outputs: () => switchOutputs,
  problems(config) {
    return config.cases.length === 0 ? ['Add at least one case'] : [];
  },
  endpointIds: () => [],
  templates: (config) => [
    { field: 'value', label: 'Value', value: config.value },
    ...config.cases.map((c, index) => ({ field: `cases.${index}.value`, label: `case ${index + 1}`, value: c.value })),
  ],
  inputs: (config) => ({ value: config.value, cases: config.cases.map((c) => c.value) }),
  async run(ctx) {
    const { config } = ctx;
    const value = resolveReferences(config.value, ctx.scope, 'Value');
    const cases = config.cases.map((c, index) => ({ id: c.id, value: resolveReferences(c.value, ctx.scope, `case ${index + 1}`) }));
    ctx.setInputs({ value, cases: cases.map((c) => c.value) });
    const match = cases.find((c) => c.value === value);
    return {
      outputs: { value, matched: match === undefined ? switchDefaultHandle : match.value },
      nextHandle: match === undefined ? switchDefaultHandle : match.id,
    };
  },
});
