import { useEffect, useRef } from 'react';

/** A click on an in-app link that would leave this page (not a new tab, not a download). */
function leavingLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  // `data-in-place` links open something on this page (their href is only the fallback).
  if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download') || link.hasAttribute('data-in-place')) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  return url.pathname === window.location.pathname ? null : link;
}

/**
 * Asks before leaving a page with unsaved changes: the browser's own prompt for reloads and
 * closing the tab, and a confirm for in-app links (captured before the router handles them).
 * `isDirty` is read at the moment of leaving, so a save that just finished is seen.
 */
export function useLeaveWarning(dirty: boolean, question: string, isDirty: () => boolean = () => dirty) {
  const latest = useRef(isDirty);
  latest.current = isDirty;
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (!latest.current() || !leavingLink(event)) return;
      if (window.confirm(question)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, question]);
}
