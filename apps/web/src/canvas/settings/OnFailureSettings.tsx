import type { OnFailure } from '@flowyard/engine/schemas';
import { useEffect, useState } from 'react';
import { Field, Select, TextInput } from '../../ui/Field';
import { useFlowStore } from '../flow-store-context';
import { fieldsOf, parseOnFailure, type OnFailureFields } from './on-failure-form';

/** "On failure" of a step: stop the flow, continue with the error as output, or retry with backoff. */
export function OnFailureSettings({ nodeId, onFailure }: { nodeId: string; onFailure: OnFailure | undefined }) {
  const setOnFailure = useFlowStore((s) => s.setOnFailure);
  const [fields, setFields] = useState<OnFailureFields>(() => fieldsOf(onFailure));
  // Undo, redo or a reload change the stored policy: show it.
  useEffect(() => setFields((current) => (sameAs(current, onFailure) ? current : fieldsOf(onFailure))), [onFailure]);
  const parsed = parseOnFailure(fields);

  const change = (patch: Partial<OnFailureFields>) => {
    const next = { ...fields, ...patch };
    setFields(next);
    const result = parseOnFailure(next);
    if (result.ok) setOnFailure(nodeId, result.onFailure);
  };

  return (
    <fieldset className="flex flex-col gap-3 border-t border-zinc-200 pt-4">
      <Field
        label="On failure"
        hint={
          fields.mode === 'continue'
            ? 'The flow goes on; the step outputs error.code, error.message and status for a Switch to branch on.'
            : fields.mode === 'retry'
              ? 'Waits double each try, with jitter; a 429 or 503 answer’s Retry-After is honoured (at most 60 s).'
              : 'The steps after this one do not run.'
        }
      >
        {(control) => (
          <Select {...control} value={fields.mode} onChange={(event) => change({ mode: modeOf(event.target.value) })}>
            <option value="stop">Stop the flow</option>
            <option value="continue">Continue (error as output)</option>
            <option value="retry">Retry</option>
          </Select>
        )}
      </Field>
      {fields.mode === 'retry' ? (
        <div className="grid grid-cols-2 gap-3">
          <Field label="Tries in all" error={!parsed.ok && parsed.field === 'maxTries' ? parsed.message : undefined}>
            {(control) => <TextInput {...control} type="number" min={2} max={10} value={fields.maxTries} onChange={(event) => change({ maxTries: event.target.value })} />}
          </Field>
          <Field label="First wait (ms)" error={!parsed.ok && parsed.field === 'delayMs' ? parsed.message : undefined}>
            {(control) => <TextInput {...control} type="number" min={100} max={60000} step={100} value={fields.delayMs} onChange={(event) => change({ delayMs: event.target.value })} />}
          </Field>
        </div>
      ) : null}
    </fieldset>
  );
}

function modeOf(value: string): OnFailureFields['mode'] {
  return value === 'continue' || value === 'retry' ? value : 'stop';
}

function sameAs(fields: OnFailureFields, onFailure: OnFailure | undefined): boolean {
  const parsed = parseOnFailure(fields);
  return parsed.ok && JSON.stringify(parsed.onFailure) === JSON.stringify(onFailure ?? { mode: 'stop' });
}
