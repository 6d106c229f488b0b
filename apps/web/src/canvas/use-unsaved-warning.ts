import { useEffect } from 'react';
import { useFlowStore } from './flow-store';

/** Asks the browser to confirm leaving the page while the flow has unsaved changes. */
export function useUnsavedWarning() {
  const dirty = useFlowStore((s) => s.dirty);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
