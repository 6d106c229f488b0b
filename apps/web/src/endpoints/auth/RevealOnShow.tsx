import { useEffect, useRef, type ReactNode } from 'react';

/** Scrolls its content into view when it first shows, e.g. a test result below the dialog's fold. */
export function RevealOnShow({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);
  return <div ref={ref}>{children}</div>;
}
