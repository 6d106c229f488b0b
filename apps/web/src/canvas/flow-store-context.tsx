import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createFlowStore, type FlowEditorState, type FlowStore, type LoadedFlow } from './flow-store';
import { createPendingEdits, type PendingEdits } from './pending-edits';

interface FlowEditorScope {
  store: FlowStore;
  pendingEdits: PendingEdits;
}

const FlowStoreContext = createContext<FlowEditorScope | null>(null);

export interface FlowStoreProviderProps {
  /** The flow as stored when the editor opened; read once (render with `key={flow.id}`). */
  initial: LoadedFlow;
  selectStepId?: string | null;
  children: ReactNode;
}

/**
 * Owns the editor state of one open flow. Keyed by the flow's id, a flow opened again (or another
 * flow) always gets a fresh store: no state outlives the editor that showed it.
 */
export function FlowStoreProvider({ initial, selectStepId = null, children }: FlowStoreProviderProps) {
  const [scope] = useState((): FlowEditorScope => ({ store: createFlowStore(initial, selectStepId), pendingEdits: createPendingEdits() }));
  return <FlowStoreContext.Provider value={scope}>{children}</FlowStoreContext.Provider>;
}

function useScope(): FlowEditorScope {
  const scope = useContext(FlowStoreContext);
  if (scope === null) throw new Error('The flow editor store is used outside <FlowStoreProvider>');
  return scope;
}

/** Reads from the open flow's store; pass a selector returning a stable value. */
export function useFlowStore<T>(selector: (state: FlowEditorState) => T): T {
  return useStore(useScope().store, selector);
}

/** The open flow's store itself, for event handlers that read or act at the moment they run. */
export function useFlowStoreApi(): FlowStore {
  return useScope().store;
}

/** The open flow's settings edits still waiting for their pause. */
export function usePendingEdits(): PendingEdits {
  return useScope().pendingEdits;
}
