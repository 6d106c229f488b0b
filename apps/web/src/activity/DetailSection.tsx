import { useId, type ReactNode } from 'react';

/** A titled part of the step details (a named region, so it can be found by its title). */
export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-1.5">
      <h4 id={id} className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
        {title}
      </h4>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="text-xs text-zinc-400 italic">{children}</p>;
}

/** Text shown as written (bodies, JSON), scrolling when long. */
export function CodeBlock({ children, label }: { children: string; label?: string }) {
  return (
    <pre
      aria-label={label}
      className="max-h-64 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-2 font-mono text-xs leading-relaxed whitespace-pre-wrap break-all text-zinc-800"
    >
      {children}
    </pre>
  );
}

/** Name/value pairs such as headers or outputs. */
export function KeyValues({ entries, label }: { entries: ReadonlyArray<readonly [string, string]>; label?: string }) {
  if (entries.length === 0) return <Empty>None</Empty>;
  return (
    <dl aria-label={label} className="grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-3 gap-y-0.5 font-mono text-xs">
      {entries.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="truncate text-zinc-500" title={name}>
            {name}
          </dt>
          <dd className="break-all whitespace-pre-wrap text-zinc-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
