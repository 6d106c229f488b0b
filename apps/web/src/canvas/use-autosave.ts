import { useEffect } from 'react';
import { useFlowStoreApi } from './flow-store-context';

/** How long after the last edit the flow saves by itself. */
export const AUTOSAVE_DELAY_MS = 1000;

/**
 * Saves the flow about a second after the last edit. An edit is a new undo step (a drag counts
 * when it ends), so nothing is sent while a step is being dragged. While `paused` (a refused save
 * is shown) nothing is sent: the person chooses first.
 */
export function useAutosave({ save, paused, enabled }: { save(): Promise<boolean>; paused: boolean; enabled: boolean }) {
  const flowStore = useFlowStoreApi();
  useEffect(() => {
    if (!enabled || paused) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      if (flowStore.getState().dirty) timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    };
    // Edits made while paused are saved once the pause ends.
    schedule();
    const unsubscribe = flowStore.subscribe((state, previous) => {
      if (state.present !== previous.present) schedule();
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [flowStore, save, paused, enabled]);
}
