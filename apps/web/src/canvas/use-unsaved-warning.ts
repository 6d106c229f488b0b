import { useLeaveWarning } from '../lib/use-leave-warning';
import { useFlowStore, useFlowStoreApi } from './flow-store-context';

/** Asks before leaving the flow editor with unsaved changes. */
export function useUnsavedWarning() {
  const flowStore = useFlowStoreApi();
  const dirty = useFlowStore((s) => s.dirty);
  useLeaveWarning(dirty, 'This flow has unsaved changes. Leave without saving them?', () => flowStore.getState().dirty);
}
