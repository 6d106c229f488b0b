import type { EndpointView } from '@flowyard/engine/schemas';
import { useState, type ReactNode } from 'react';
import { DeleteEndpointDialog } from './DeleteEndpointDialog';
import { EndpointDialog } from './EndpointDialog';

export interface EndpointEditor {
  openNew(): void;
  open(endpoint: EndpointView): void;
  confirmDelete(endpoint: EndpointView): void;
  /** The endpoint and delete dialogs; render them once next to the list. */
  dialogs: ReactNode;
}

/** Opening state for the endpoint dialog and delete confirmation shared by every endpoint list. */
export function useEndpointEditor(workflowId: string | undefined): EndpointEditor {
  const [editing, setEditing] = useState<{ endpointId: string | undefined; tab?: 'usage' } | null>(null);
  const [deleting, setDeleting] = useState<EndpointView | null>(null);
  return {
    openNew: () => setEditing({ endpointId: undefined }),
    open: (endpoint) => setEditing({ endpointId: endpoint.id }),
    confirmDelete: setDeleting,
    dialogs: (
      <>
        {workflowId ? (
          <EndpointDialog
            open={editing !== null}
            onOpenChange={(open) => {
              if (!open) setEditing(null);
            }}
            workflowId={workflowId}
            endpointId={editing?.endpointId}
            initialTab={editing?.tab}
          />
        ) : null}
        {/* Keyed so a refusal shown for one endpoint is not shown for the next. */}
        <DeleteEndpointDialog
          key={deleting?.id ?? 'none'}
          endpoint={deleting}
          onClose={() => setDeleting(null)}
          onShowUsage={(endpoint) => {
            setDeleting(null);
            setEditing({ endpointId: endpoint.id, tab: 'usage' });
          }}
        />
      </>
    ),
  };
}
