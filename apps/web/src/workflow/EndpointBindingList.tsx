import { Globe } from 'lucide-react';
import { useId } from 'react';
import type { ImportBindings, ImportEndpointChoice } from '@flowyard/engine/schemas';

export interface EndpointBindingListProps {
  endpoints: readonly ImportEndpointChoice[];
  bindings: ImportBindings;
  onChange(exportId: string, endpointId: string | null): void;
}

/**
 * One choice per endpoint of the file: bind it to the existing endpoint of the same name (when
 * there is one), or create it without credentials, flagged "needs credentials".
 */
export function EndpointBindingList({ endpoints, bindings, onChange }: EndpointBindingListProps) {
  if (endpoints.length === 0) return <p className="text-sm text-zinc-500">The file holds no endpoints.</p>;
  return (
    <ul aria-label="Imported endpoints" className="flex flex-col gap-2">
      {endpoints.map((endpoint) => (
        <li key={endpoint.exportId}>
          <EndpointBinding endpoint={endpoint} boundTo={bindings[endpoint.exportId] ?? null} onChange={(id) => onChange(endpoint.exportId, id)} />
        </li>
      ))}
    </ul>
  );
}

function EndpointBinding({
  endpoint,
  boundTo,
  onChange,
}: {
  endpoint: ImportEndpointChoice;
  boundTo: string | null;
  onChange(endpointId: string | null): void;
}) {
  const name = useId();
  const legendId = useId();
  return (
    <fieldset role="radiogroup" aria-labelledby={legendId} className="rounded-lg border border-zinc-200 bg-white px-3 py-2.5">
      <div className="mb-1.5 flex items-center gap-2">
        <Globe aria-hidden className="size-4 shrink-0 text-indigo-500" />
        <span id={legendId} className="text-sm font-medium text-zinc-900">
          {endpoint.name}
        </span>
        <span className="min-w-0 truncate font-mono text-xs text-zinc-500">{endpoint.baseUrl}</span>
      </div>
      <div className="flex flex-col gap-1 pl-6">
        {endpoint.match ? (
          <label className="flex items-center gap-2 text-sm text-zinc-800">
            <input
              type="radio"
              name={name}
              checked={boundTo === endpoint.match.id}
              onChange={() => onChange(endpoint.match?.id ?? null)}
              className="size-4 accent-indigo-600"
            />
            Bind to existing {endpoint.match.name}
          </label>
        ) : null}
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="radio" name={name} checked={boundTo === null} onChange={() => onChange(null)} className="size-4 accent-indigo-600" />
          Create (needs credentials)
        </label>
      </div>
    </fieldset>
  );
}
