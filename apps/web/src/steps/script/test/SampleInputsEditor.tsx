import { Field, Select, TextArea, TextInput } from '../../../ui/Field';

export interface SampleInput {
  label: string;
  multiline: boolean;
  /** Used when the sample is left empty, as in a run. */
  defaultValue: string;
}

export interface SampleInputsEditorProps {
  inputs: readonly SampleInput[];
  values: Readonly<Record<string, string>>;
  onChange(values: Record<string, string>): void;
  /** The step's endpoint label and the endpoint chosen for it, when the step has one to choose. */
  endpoint?: { label: string; options: readonly { id: string; name: string }[]; value: string; onChange(id: string): void } | undefined;
}

/** Sample values for a custom step's inputs, by label (and the endpoint its label stands for). */
export function SampleInputsEditor({ inputs, values, onChange, endpoint }: SampleInputsEditorProps) {
  return (
    <>
      {inputs.length === 0 && !endpoint ? <p className="text-xs text-zinc-500">This step has no inputs.</p> : null}
      {inputs.map((input) => (
        <Field key={input.label} label={input.label} hint={input.defaultValue ? `Empty: the default, "${input.defaultValue}"` : undefined}>
          {(control) => {
            const props = {
              ...control,
              value: values[input.label] ?? '',
              placeholder: input.defaultValue,
              onChange: (event: { target: { value: string } }) => onChange({ ...values, [input.label]: event.target.value }),
            };
            return input.multiline ? <TextArea rows={3} {...props} /> : <TextInput autoComplete="off" {...props} />;
          }}
        </Field>
      ))}
      {endpoint ? (
        <Field label={`Endpoint for "${endpoint.label}"`}>
          {(control) => (
            <Select {...control} value={endpoint.value} onChange={(event) => endpoint.onChange(event.target.value)}>
              <option value="">Choose an endpoint…</option>
              {endpoint.options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
    </>
  );
}
