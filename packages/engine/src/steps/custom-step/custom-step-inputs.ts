import type { CustomStepDefinition, CustomStepInput } from '../../custom-step/custom-step';
import { FlowyardError, type FieldIssue } from '../../errors/flowyard-error';
import { resolveReferences, type ReferenceScope } from '../../flow/references';
import type { Json } from '../../run/run-record';
import type { CustomStepConfig } from './custom-step-config';

/** What an instance holds for an input, or the definition's default when it left the input empty. */
export function inputTemplate(config: CustomStepConfig, input: CustomStepInput): string {
  const value = config.inputs[input.id] ?? '';
  return value.trim() === '' ? input.defaultValue : value;
}

export interface ResolvedCustomInputs {
  /** What the script sees, by label: references resolved, empty inputs `undefined`. */
  values: Record<string, string | undefined>;
  /** What the Activity panel shows, by label: resolved values, `null` for empty ones, the template where resolving failed. */
  shown: Record<string, Json>;
  /** The first unknown reference (a VALIDATION_FAILED naming it and the input), if any. */
  error: unknown;
}

/** Resolves every input of an instance, carrying on past failures so the record shows all it can. */
export function resolveCustomInputs(definition: CustomStepDefinition, config: CustomStepConfig, scope: ReferenceScope): ResolvedCustomInputs {
  const values: Record<string, string | undefined> = {};
  const shown: Record<string, Json> = {};
  let error: unknown = null;
  for (const input of definition.inputs) {
    const template = inputTemplate(config, input);
    try {
      const resolved = resolveReferences(template, scope, `input "${input.label}"`);
      values[input.label] = resolved === '' ? undefined : resolved;
      shown[input.label] = resolved === '' ? null : resolved;
    } catch (failure) {
      error ??= failure;
      shown[input.label] = template;
    }
  }
  return { values, shown, error };
}

/** Checks required inputs and length limits on the resolved values; VALIDATION_FAILED naming every offending input. */
export function validateCustomInputs(definition: CustomStepDefinition, values: Record<string, string | undefined>): void {
  const issues: FieldIssue[] = [];
  for (const input of definition.inputs) {
    const value = values[input.label];
    const path = `inputs.${input.label}`;
    if (value === undefined) {
      if (input.required) issues.push({ path, message: `Input "${input.label}" is required` });
      continue;
    }
    const length = [...value].length;
    if (input.minLength !== null && length < input.minLength) {
      issues.push({ path, message: `Input "${input.label}" must be at least ${input.minLength} characters (it has ${length})` });
    }
    if (input.maxLength !== null && length > input.maxLength) {
      issues.push({ path, message: `Input "${input.label}" must be at most ${input.maxLength} characters (it has ${length})` });
    }
  }
  if (issues.length > 0) {
    throw new FlowyardError('VALIDATION_FAILED', issues.map((issue) => issue.message).join('; '), {
      issues,
      details: { inputs: issues.map((issue) => issue.path.slice('inputs.'.length)) },
    });
  }
}
