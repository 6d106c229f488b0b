import type { CustomStepConfig, CustomStepDefinition } from '@flowyard/engine/schemas';

/**
 * The form holds one value per definition input, in the definition's order; the node stores
 * them by input id. Empty values are left out (the step then uses the input's default), and
 * values of inputs the definition no longer has are kept, so nothing typed is lost.
 */
export function inputValuesOf(definition: CustomStepDefinition, config: CustomStepConfig): string[] {
  return definition.inputs.map((input) => config.inputs[input.id] ?? '');
}

/** The node's input record after the form's values for `definition` are written into it. */
export function inputRecordOf(definition: CustomStepDefinition, config: CustomStepConfig, values: readonly string[]): Record<string, string> {
  const record: Record<string, string> = { ...config.inputs };
  definition.inputs.forEach((input, index) => {
    const value = values[index] ?? '';
    if (value === '') delete record[input.id];
    else record[input.id] = value;
  });
  return record;
}

/** "2–50 characters", "at least 3 characters": the length rules of an input, for its hint. */
export function lengthHint(minLength: number | null, maxLength: number | null): string | null {
  if (minLength !== null && maxLength !== null) return `${minLength}–${maxLength} characters`;
  if (minLength !== null) return `At least ${minLength} characters`;
  if (maxLength !== null) return `At most ${maxLength} characters`;
  return null;
}
