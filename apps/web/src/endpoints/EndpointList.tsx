import { authTypeLabels, type EndpointView } from '@flowyard/engine/schemas';
import { Globe, Lock, X } from 'lucide-react';
import { Badge } from '../ui/Badge';
import { IconButton } from '../ui/Button';
import { NeedsCredentialsBadge } from './NeedsCredentialsBadge';

export interface EndpointListProps {
  endpoints: EndpointView[];
  onOpen(endpoint: EndpointView): void;
  /** Without it (a role that may not edit endpoints) there is no X. */
  onDelete?(endpoint: EndpointView): void;
}

/** The endpoints of a workflow: name (opens the dialog), base URL, auth type, usage, and the X to delete. */
export function EndpointList({ endpoints, onOpen, onDelete }: EndpointListProps) {
  return (
    <ul aria-label="Endpoints" className="divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white">
      {endpoints.map((endpoint) => (
        <li key={endpoint.id} className="group flex items-center gap-4 px-4 py-3 hover:bg-zinc-50">
          <div className="flex size-9 shrink-0 items-center justify-center rounded-md bg-indigo-50 text-indigo-600">
            <Globe aria-hidden className="size-4" />
          </div>
          <div className="flex min-w-0 flex-1 flex-col">
            <button
              type="button"
              onClick={() => onOpen(endpoint)}
              className="self-start truncate text-left text-sm font-medium text-zinc-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500"
            >
              {endpoint.name}
            </button>
            <span className="truncate font-mono text-xs text-zinc-500">{endpoint.baseUrl}</span>
          </div>
          {endpoint.builtIn ? <Badge tone="accent">Built in</Badge> : null}
          {endpoint.needsCredentials ? <NeedsCredentialsBadge /> : null}
          <Badge tone={endpoint.auth.type === 'none' ? 'neutral' : 'accent'}>
            {endpoint.auth.type === 'none' ? null : <Lock aria-hidden className="size-3" />}
            {authTypeLabels[endpoint.auth.type]}
          </Badge>
          <span className="w-24 text-right text-xs text-zinc-500">
            {endpoint.usageCount === 0 ? 'Not used' : `Used in ${endpoint.usageCount} ${endpoint.usageCount === 1 ? 'place' : 'places'}`}
          </span>
          {onDelete && !endpoint.builtIn ? (
            <IconButton
              label={`Delete endpoint ${endpoint.name}`}
              tone="danger"
              icon={<X aria-hidden className="size-4" />}
              onClick={() => onDelete(endpoint)}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
