import { customStepBodySchema, type CustomStepBody, type CustomStepInput } from '@flowyard/engine/schemas';
import type { FieldPath } from 'react-hook-form';
import type { z } from 'zod';

/** The editor edits exactly the API's body, validated with the API's own schema. */
export const stepEditorSchema = customStepBodySchema;
export type StepEditorValues = z.input<typeof customStepBodySchema>;

/** A new step: nothing but the schema's defaults (icon `code`, 10 s time limit). */
export function newStepValues(): CustomStepBody {
  // The name has no default (it is required); parse with a stand-in and leave it empty to fill in.
  return { ...customStepBodySchema.parse({ name: 'New step' }), name: '' };
}

export function newInput(): CustomStepInput {
  return {
    id: crypto.randomUUID(),
    label: '',
    required: false,
    minLength: null,
    maxLength: null,
    helpText: '',
    defaultValue: '',
    multiline: false,
  };
}

export function newOutput(): { id: string; label: string } {
  return { id: crypto.randomUUID(), label: '' };
}

const scalarFields = ['name', 'description', 'icon', 'inputs', 'outputs', 'includeEndpoint', 'endpointType', 'endpointLabel', 'script', 'timeoutMs'] as const;
const inputFields = ['label', 'required', 'minLength', 'maxLength', 'helpText', 'defaultValue', 'multiline'] as const;

/**
 * The form field a server issue belongs to: `step.inputs.1.label` → `inputs.1.label`.
 * Undefined for paths no field shows (they go to the form-level message).
 */
export function editorFieldOf(path: string): FieldPath<StepEditorValues> | undefined {
  const parts = path.replace(/^step\./, '').split('.');
  const [head, index, field] = parts;
  if (parts.length === 1) return scalarFields.find((f) => f === head);
  if (parts.length !== 3 || index === undefined || !/^\d+$/.test(index)) return undefined;
  const n = Number(index);
  if (head === 'inputs') {
    const key = inputFields.find((f) => f === field);
    return key === undefined ? undefined : `inputs.${n}.${key}`;
  }
  if (head === 'outputs' && field === 'label') return `outputs.${n}.label`;
  return undefined;
}

/** An emptied number field means "no limit"; anything else is read as a number for the schema to judge. */
export function optionalNumber(value: unknown): number | null {
  if (value === '' || value === null || value === undefined) return null;
  return typeof value === 'number' ? value : Number(value);
}
