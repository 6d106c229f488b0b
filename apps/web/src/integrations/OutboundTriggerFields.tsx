import { outboundEvents, type IntegrationBody } from '@flowyard/engine/schemas';
import type { UseFormReturn } from 'react-hook-form';
import { Field, Select, TextInput } from '../ui/Field';
import { outboundEventLabels, type IntegrationFormValues } from './integration-form';

export interface OutboundTriggerFieldsProps {
  form: UseFormReturn<IntegrationFormValues, unknown, IntegrationBody>;
  flows: ReadonlyArray<{ id: string; name: string }> | undefined;
  /** The workflow has more flows than the picker lists. */
  moreFlows: boolean;
}

/** When an outbound integration runs: which events, of which flow (or any), and at most how often. */
export function OutboundTriggerFields({ form, flows, moreFlows }: OutboundTriggerFieldsProps) {
  const eventsError = form.getFieldState('trigger.events', form.formState).error;
  const flowError = form.getFieldState('trigger.flowId', form.formState).error?.message;
  const rateError = form.getFieldState('rateLimit.perMinute', form.formState).error;
  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-1.5" aria-describedby={eventsError ? 'outbound-events-error' : undefined}>
        <legend className="mb-1 text-sm font-medium text-zinc-800">Events</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-1.5">
          {outboundEvents.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm text-zinc-800">
              <input
                type="checkbox"
                value={event}
                aria-invalid={eventsError ? true : undefined}
                className="size-4 rounded border-zinc-300 accent-indigo-600"
                {...form.register('trigger.events')}
              />
              {outboundEventLabels[event]}
            </label>
          ))}
        </div>
        {eventsError ? (
          <p id="outbound-events-error" className="text-xs text-red-600">
            {eventsError.message ?? 'Choose at least one event'}
          </p>
        ) : null}
      </fieldset>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field label="Flow" error={flowError} hint={moreFlows ? 'Only the first flows are listed; any flow covers the rest.' : 'Runs of this flow only, or of every flow of the workflow.'}>
          {(control) => (
            <Select {...control} {...form.register('trigger.flowId', { setValueAs: (value: unknown) => (value === '' || value === null ? null : value) })}>
              <option value="">Any flow</option>
              {(flows ?? []).map((flow) => (
                <option key={flow.id} value={flow.id}>
                  {flow.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label="Rate limit (calls per minute)"
          // An emptied number field reaches the schema as NaN; say what is wanted instead of "expected number".
          error={rateError?.type === 'invalid_type' ? 'Rate limit is required (calls per minute)' : rateError?.message}
          hint="Events over it are not sent; the log shows them as rate limited."
        >
          {(control) => <TextInput {...control} type="number" min={1} max={10000} {...form.register('rateLimit.perMinute', { valueAsNumber: true })} />}
        </Field>
      </div>
    </div>
  );
}
