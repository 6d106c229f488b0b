import type { CustomStepBody } from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { FlaskConical } from 'lucide-react';
import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useCan } from '../../auth/session-context';
import { useEndpoints } from '../../endpoints/use-endpoints';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../../ui/Button';
import { stepEditorSchema, type StepEditorValues } from '../step-editor-form';
import { SampleInputsEditor } from './test/SampleInputsEditor';
import { TestScriptPanel } from './test/TestScriptPanel';

export interface TestScriptButtonProps {
  form: UseFormReturn<StepEditorValues, unknown, CustomStepBody>;
  workflowId: string;
}

/** "Test script" for a custom step: its script as edited, with sample input values typed here. */
export function TestScriptButton({ form, workflowId }: TestScriptButtonProps) {
  const trpc = useTRPC();
  const test = useMutation(trpc.scripts.test.mutationOptions());
  const endpoints = useEndpoints(workflowId);
  const [open, setOpen] = useState(false);
  const [samples, setSamples] = useState<Record<string, string>>({});
  const [endpointId, setEndpointId] = useState('');
  const canTest = useCan('flows.edit');
  // Read when the dialog opens: the step as it is in the editor now.
  const values = open ? form.getValues() : undefined;
  const inputs = (values?.inputs ?? [])
    .map((input) => ({ label: (input.label ?? '').trim(), multiline: input.multiline ?? false, defaultValue: input.defaultValue ?? '' }))
    .filter((input) => input.label !== '');
  const label = values?.includeEndpoint && values.endpointType !== 'flowyard' ? (values.endpointLabel ?? '').trim() : '';

  const run = async () => {
    const current = form.getValues();
    // A new step may be tested before it has a name.
    const parsed = stepEditorSchema.safeParse({ ...current, name: current.name?.trim() || 'Untitled step' });
    if (!parsed.success) {
      void form.trigger();
      throw new Error('The step has problems (shown in the editor); fix them and test again.');
    }
    const known = new Set(parsed.data.inputs.map((input) => input.label));
    const sampleInputs = Object.fromEntries(Object.entries(samples).filter(([key, value]) => known.has(key) && value !== ''));
    return test.mutateAsync({ workflowId, step: parsed.data, inputs: sampleInputs, endpointId: endpointId === '' ? null : endpointId });
  };

  // The API refuses anyone else (scripts.test needs flows.edit).
  if (!canTest) return null;
  return (
    <>
      <Button size="sm" icon={<FlaskConical aria-hidden className="size-3.5" />} onClick={() => setOpen(true)}>
        Test script
      </Button>
      {open ? (
        <TestScriptPanel
          open
          onOpenChange={setOpen}
          subject={values?.name?.trim() || 'Untitled step'}
          run={run}
          sample={
            <SampleInputsEditor
              inputs={inputs}
              values={samples}
              onChange={setSamples}
              endpoint={label === '' ? undefined : { label, options: endpoints.data ?? [], value: endpointId, onChange: setEndpointId }}
            />
          }
        />
      ) : null}
    </>
  );
}
