import type { ReactNode } from 'react';

/** A titled section of an editor page (a `region` named by its title). */
export function Card({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-white p-5">
      <div className="flex flex-col gap-0.5">
        <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
        {description ? <p className="text-sm text-zinc-500">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
