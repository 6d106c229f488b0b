import { useEffect } from 'react';

/** Sets the browser tab's title to "<title> · Flowyard" while the page is shown. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Flowyard` : 'Flowyard';
  }, [title]);
}
