import { ArrowDown, ArrowUp, Plus, X } from 'lucide-react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Button, IconButton } from '../ui/Button';
import { CheckboxField, Field, TextArea, TextInput } from '../ui/Field';
import type { CustomStepBody } from '@flowyard/engine/schemas';
import { newInput, optionalNumber, type StepEditorValues } from './step-editor-form';

type Form = UseFormReturn<StepEditorValues, unknown, CustomStepBody>;

/** The step's inputs: what people fill in on the canvas and the script reads as `input['Label']`. */
export function InputsEditor({ form }: { form: Form }) {
  // Each input's own `id` is stored; keep React's list key apart from it.
  const inputs = useFieldArray({ control: form.control, name: 'inputs', keyName: 'key' });
  const errors = form.formState.errors.inputs;

  return (
    <div className="flex flex-col gap-3">
      {inputs.fields.length === 0 ? <p className="text-sm text-zinc-500">No inputs. Add one for each value people set on the canvas.</p> : null}
      {inputs.fields.map((field, index) => {
        const n = index + 1;
        const rowErrors = errors?.[index];
        const multiline = form.watch(`inputs.${index}.multiline`) === true;
        return (
          <fieldset key={field.key} aria-label={`Input ${n}`} className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-zinc-50/50 p-3">
            <div className="flex items-center justify-between gap-2">
              <span aria-hidden className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
                Input {n}
              </span>
              <div className="flex items-center">
                <IconButton label={`Move input ${n} up`} icon={<ArrowUp className="size-4" />} disabled={index === 0} onClick={() => inputs.move(index, index - 1)} />
                <IconButton
                  label={`Move input ${n} down`}
                  icon={<ArrowDown className="size-4" />}
                  disabled={index === inputs.fields.length - 1}
                  onClick={() => inputs.move(index, index + 1)}
                />
                <IconButton label={`Remove input ${n}`} tone="danger" icon={<X className="size-4" />} onClick={() => inputs.remove(index)} />
              </div>
            </div>
            <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
              <Field label="Label" error={rowErrors?.label?.message} hint="Scripts read it as input['Label'].">
                {(control) => <TextInput {...control} autoComplete="off" {...form.register(`inputs.${index}.label`)} />}
              </Field>
              <Field label="Help text" error={rowErrors?.helpText?.message}>
                {(control) => <TextInput {...control} autoComplete="off" {...form.register(`inputs.${index}.helpText`)} />}
              </Field>
              <div className="grid grid-cols-2 gap-3">
                <Field label="Min length" error={rowErrors?.minLength?.message}>
                  {(control) => (
                    <TextInput {...control} type="number" min={0} step={1} {...form.register(`inputs.${index}.minLength`, { setValueAs: optionalNumber })} />
                  )}
                </Field>
                <Field label="Max length" error={rowErrors?.maxLength?.message}>
                  {(control) => (
                    <TextInput {...control} type="number" min={1} step={1} {...form.register(`inputs.${index}.maxLength`, { setValueAs: optionalNumber })} />
                  )}
                </Field>
              </div>
              <Field label="Default value" error={rowErrors?.defaultValue?.message} hint="Used when the input is left empty.">
                {(control) =>
                  multiline ? (
                    <TextArea {...control} rows={3} {...form.register(`inputs.${index}.defaultValue`)} />
                  ) : (
                    <TextInput {...control} autoComplete="off" {...form.register(`inputs.${index}.defaultValue`)} />
                  )
                }
              </Field>
            </div>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              <CheckboxField label="Required" error={rowErrors?.required?.message} {...form.register(`inputs.${index}.required`)} />
              <CheckboxField label="Multi-line" error={rowErrors?.multiline?.message} {...form.register(`inputs.${index}.multiline`)} />
            </div>
          </fieldset>
        );
      })}
      {errors?.message ? <p className="text-xs text-red-600">{errors.message}</p> : null}
      {errors?.root?.message ? <p className="text-xs text-red-600">{errors.root.message}</p> : null}
      <div>
        <Button size="sm" icon={<Plus aria-hidden className="size-3.5" />} onClick={() => inputs.append(newInput(), { shouldFocus: true, focusName: `inputs.${inputs.fields.length}.label` })}>
          Add input
        </Button>
      </div>
    </div>
  );
}
