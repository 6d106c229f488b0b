import type { CustomStepBody } from '@flowyard/engine/schemas';
import { ArrowDown, ArrowUp, Plus, X } from 'lucide-react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Button, IconButton } from '../ui/Button';
import { TextInput } from '../ui/Field';
import { newOutput, type StepEditorValues } from './step-editor-form';

type Form = UseFormReturn<StepEditorValues, unknown, CustomStepBody>;

/** The step's outputs: what the script sets as `output['Label']` and later steps reference. */
export function OutputsEditor({ form }: { form: Form }) {
  const outputs = useFieldArray({ control: form.control, name: 'outputs', keyName: 'key' });
  const errors = form.formState.errors.outputs;

  return (
    <div className="flex flex-col gap-2">
      {outputs.fields.length === 0 ? <p className="text-sm text-zinc-500">No outputs. Add one for each value later steps can use.</p> : null}
      {outputs.fields.map((field, index) => {
        const n = index + 1;
        const message = errors?.[index]?.label?.message;
        return (
          <fieldset key={field.key} aria-label={`Output ${n}`} className="flex flex-col gap-1">
            <div className="flex items-center gap-1.5">
              <TextInput
                aria-label="Label"
                placeholder={`Output ${n} label`}
                autoComplete="off"
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? `output-problem-${field.key}` : undefined}
                {...form.register(`outputs.${index}.label`)}
              />
              <IconButton label={`Move output ${n} up`} icon={<ArrowUp className="size-4" />} disabled={index === 0} onClick={() => outputs.move(index, index - 1)} />
              <IconButton
                label={`Move output ${n} down`}
                icon={<ArrowDown className="size-4" />}
                disabled={index === outputs.fields.length - 1}
                onClick={() => outputs.move(index, index + 1)}
              />
              <IconButton label={`Remove output ${n}`} tone="danger" icon={<X className="size-4" />} onClick={() => outputs.remove(index)} />
            </div>
            {message ? (
              <p id={`output-problem-${field.key}`} className="text-xs text-red-600">
                {message}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      {errors?.message ? <p className="text-xs text-red-600">{errors.message}</p> : null}
      <div>
        <Button size="sm" icon={<Plus aria-hidden className="size-3.5" />} onClick={() => outputs.append(newOutput(), { shouldFocus: true, focusName: `outputs.${outputs.fields.length}.label` })}>
          Add output
        </Button>
      </div>
    </div>
  );
}
