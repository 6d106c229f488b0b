import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useTRPC } from '../../lib/trpc';
import { readApiError } from '../../lib/trpc-error';
import { FlowCanvas } from '../FlowCanvas';
import { FlowContextProviders } from '../FlowContextProviders';
import { FlowStoreProvider } from '../flow-store-context';
import type { CanvasCommands } from '../use-canvas-commands';

export interface VersionCanvasProps {
  flowId: string;
  workflowId: string;
  version: number;
  commands: CanvasCommands;
}

/**
 * A kept version on a read-only canvas. It has a store of its own (keyed by the version), so
 * nothing done here reaches the open flow's store: autosave, undo and the shortcuts never see it.
 */
export function VersionCanvas({ flowId, workflowId, version, commands }: VersionCanvasProps) {
  const trpc = useTRPC();
  // A kept version never changes.
  const kept = useQuery(trpc.flows.version.queryOptions({ id: flowId, version }, { staleTime: Infinity }));
  if (kept.error) {
    return <div className="flex flex-1 items-center justify-center text-sm text-red-700">{readApiError(kept.error).message}</div>;
  }
  if (!kept.data) return <div className="flex flex-1 items-center justify-center text-sm text-zinc-500">Loading version…</div>;
  return (
    <FlowStoreProvider key={version} initial={{ id: flowId, version: kept.data.version, graph: kept.data.graph }}>
      <FlowContextProviders workflowId={workflowId}>
        <ReactFlowProvider>
          <FlowCanvas commands={commands} notice={null} readOnly />
        </ReactFlowProvider>
      </FlowContextProviders>
    </FlowStoreProvider>
  );
}
