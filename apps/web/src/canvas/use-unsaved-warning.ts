import { useLeaveWarning } from '../lib/use-leave-warning';
import { flowStore, useFlowStore } from './flow-store';

/** Asks before leaving the flow editor with unsaved changes. */
export function useUnsavedWarning() {
  const dirty = useFlowStore((s) => s.dirty);
  useLeaveWarning(dirty, 'This flow has unsaved changes. Leave without saving them?', () => flowStore.getState().dirty);
}
