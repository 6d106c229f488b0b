import type { Json } from '@flowyard/engine/schemas';
import { CodeBlock, Empty } from './DetailSection';
import { displayValue } from './format';

/** Short single-line values read best inline; anything bigger gets a scrolling block. */
function isShort(value: Json): boolean {
  if (value === null || typeof value !== 'object') return displayValue(value).length <= 120 && !displayValue(value).includes('\n');
  return false;
}

/** A step's inputs or outputs by name, as the Activity panel lists them. */
export function Values({ values, label }: { values: Record<string, Json> | null; label: string }) {
  if (values === null || Object.keys(values).length === 0) return <Empty>None</Empty>;
  return (
    <dl aria-label={label} className="grid grid-cols-[minmax(5rem,max-content)_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1.5 text-xs">
      {Object.entries(values).map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="font-mono text-zinc-500">{name}</dt>
          <dd className="min-w-0">
            {isShort(value) ? (
              <span className="font-mono break-all whitespace-pre-wrap text-zinc-800">{displayValue(value) || '""'}</span>
            ) : (
              <CodeBlock>{displayValue(value)}</CodeBlock>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
