import type { EndpointView } from '@flowyard/engine/schemas';
import { Pencil } from 'lucide-react';
import { useState } from 'react';
import { EndpointDialog } from '../../endpoints/EndpointDialog';
import { NeedsCredentialsBadge } from '../../endpoints/NeedsCredentialsBadge';
import { useEndpoints } from '../../endpoints/use-endpoints';
import { IconButton } from '../../ui/Button';
import type { FieldControlProps } from '../../ui/Field';
import { Select } from '../../ui/Field';

const NEW_ENDPOINT = '__new__';

export interface EndpointPickerProps {
  workflowId: string;
  value: string | null;
  onChange(endpointId: string | null): void;
  onBlur?(): void;
  control: FieldControlProps;
}

/** Chooses one of the workflow's endpoints; the last option creates one and selects it. */
export function EndpointPicker({ workflowId, value, onChange, onBlur, control }: EndpointPickerProps) {
  const endpoints = useEndpoints(workflowId);
  const [dialog, setDialog] = useState<'new' | 'edit' | null>(null);
  // A just-created endpoint can arrive before the refreshed list does.
  const [created, setCreated] = useState<EndpointView | null>(null);

  const list = endpoints.data ?? [];
  const known = value === null || list.some((e) => e.id === value);
  const missingLabel = created && created.id === value ? created.name : endpoints.isPending ? 'Loading…' : 'Missing endpoint';

  return (
    <div className="flex items-center gap-1.5">
      <Select
        {...control}
        value={value ?? ''}
        onBlur={onBlur}
        onChange={(event) => {
          const next = event.target.value;
          if (next === NEW_ENDPOINT) setDialog('new');
          else onChange(next === '' ? null : next);
        }}
      >
        <option value="">Choose an endpoint…</option>
        {!known && value !== null ? <option value={value}>{missingLabel}</option> : null}
        {list.map((endpoint) => (
          <option key={endpoint.id} value={endpoint.id}>
            {endpoint.name}
          </option>
        ))}
        <option value={NEW_ENDPOINT}>New endpoint…</option>
      </Select>
      {list.some((e) => e.id === value && e.needsCredentials) ? <NeedsCredentialsBadge className="shrink-0" /> : null}
      {value !== null && known ? <IconButton label="Edit endpoint" icon={<Pencil className="size-4" />} onClick={() => setDialog('edit')} /> : null}
      <EndpointDialog
        open={dialog !== null}
        onOpenChange={(open) => {
          if (!open) setDialog(null);
        }}
        workflowId={workflowId}
        endpointId={dialog === 'edit' && value !== null ? value : undefined}
        onSaved={(endpoint) => {
          if (dialog === 'new') {
            setCreated(endpoint);
            onChange(endpoint.id);
          }
        }}
      />
    </div>
  );
}

/** The base URL of the chosen endpoint, for previewing where a request goes. */
export function useEndpointBaseUrl(workflowId: string, endpointId: string | null): string | undefined {
  const endpoints = useEndpoints(workflowId);
  return endpoints.data?.find((e) => e.id === endpointId)?.baseUrl;
}
