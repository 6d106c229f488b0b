import { describe, expect, it } from 'vitest';
import { editorFieldOf, newInput, newStepValues, optionalNumber, stepEditorSchema } from './step-editor-form';

describe('step editor form', () => {
  it('maps server issue paths onto form fields', () => {
    expect(editorFieldOf('step.name')).toBe('name');
    expect(editorFieldOf('step.inputs.1.label')).toBe('inputs.1.label');
    expect(editorFieldOf('step.inputs.0.maxLength')).toBe('inputs.0.maxLength');
    expect(editorFieldOf('step.outputs.2.label')).toBe('outputs.2.label');
    expect(editorFieldOf('step.inputs')).toBe('inputs');
    expect(editorFieldOf('endpointLabel')).toBe('endpointLabel');
  });

  it('leaves paths no field shows to the form', () => {
    expect(editorFieldOf('workflowId')).toBeUndefined();
    expect(editorFieldOf('id')).toBeUndefined();
    expect(editorFieldOf('step.inputs.x.label')).toBeUndefined();
    expect(editorFieldOf('step.inputs.0.id')).toBeUndefined();
    expect(editorFieldOf('step.outputs.0.required')).toBeUndefined();
  });

  it('starts a new step from the schema defaults', () => {
    expect(newStepValues()).toMatchObject({ icon: 'code', timeoutMs: 10_000, inputs: [], includeEndpoint: false, endpointType: 'any' });
  });

  it('checks the rules the API checks: unique labels, min ≤ max, endpoint label', () => {
    const a = { ...newInput(), label: 'Channel', minLength: 5, maxLength: 2 };
    const b = { ...newInput(), label: 'channel' };
    const result = stepEditorSchema.safeParse({ ...newStepValues(), name: 'Notify', inputs: [a, b], includeEndpoint: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['endpointLabel', 'inputs.0.maxLength', 'inputs.1.label']);
  });

  it('gives every new input its own id', () => {
    expect(newInput().id).not.toBe(newInput().id);
  });

  it('reads emptied number fields as no limit', () => {
    expect(optionalNumber('')).toBeNull();
    expect(optionalNumber('12')).toBe(12);
    expect(optionalNumber(3)).toBe(3);
  });
});
