import { ChevronRight } from 'lucide-react';
import { useMemo, useState } from 'react';
import { cn } from '../../lib/cn';
import {
  ARRAY_PAGE,
  childFields,
  COLLAPSED_FROM_DEPTH,
  hasChildren,
  highlightParts,
  pathKey,
  searchState,
  valuePreview,
  type DataField,
  type DataSearch,
} from './data-tree';
import { referenceText, type ReferenceShape } from './reference-text';

export interface DataTreeProps {
  /** The step's outputs as recorded (depth 1). */
  fields: DataField[];
  /** How references name the step: `trigger` or its name. */
  referenceName: string;
  shape: ReferenceShape;
  search: DataSearch | null;
  onInsert(text: string): void;
}

type TreeContext = Omit<DataTreeProps, 'fields'>;

/**
 * A step's recorded output as a tree of fields, each a button inserting its exact reference.
 * Children are built only when a field is open; fields from depth 3 start closed, and long
 * lists show ARRAY_PAGE entries at a time.
 */
export function DataTree({ fields, ...context }: DataTreeProps) {
  // A new search starts from its own open/closed state (ancestors of matches open).
  return <FieldList key={context.search?.query ?? ''} fields={fields} depth={1} context={context} />;
}

function FieldList({ fields, depth, context }: { fields: DataField[]; depth: number; context: TreeContext }) {
  const [shown, setShown] = useState(ARRAY_PAGE);
  const visible = context.search === null ? fields : fields.filter((field) => searchState(context.search, field.path) !== 'hidden');
  const rest = visible.length - shown;
  return (
    <ul className={cn('flex flex-col', depth > 1 && 'ml-2 border-l border-zinc-200 pl-1.5')}>
      {visible.slice(0, shown).map((field) => (
        <FieldRow key={pathKey(field.path)} field={field} depth={depth} context={context} />
      ))}
      {rest > 0 ? (
        <li>
          <button
            type="button"
            onClick={() => setShown((n) => n + ARRAY_PAGE)}
            className="ml-5 rounded px-1 text-[11px] font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500"
          >
            {`Show ${Math.min(rest, ARRAY_PAGE)} more (${rest} not shown)`}
          </button>
        </li>
      ) : null}
    </ul>
  );
}

function FieldRow({ field, depth, context }: { field: DataField; depth: number; context: TreeContext }) {
  const state = searchState(context.search, field.path);
  const expandable = hasChildren(field.value);
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = expandable && (toggled ?? (state === 'ancestor' || depth < COLLAPSED_FROM_DEPTH));
  // Built only while open: a closed list of 10,000 items costs nothing.
  const children = useMemo(() => (open ? childFields(field) : []), [open, field.value]);
  const [output = '', ...path] = field.path;
  const reference = referenceText(context.referenceName, String(output), path, context.shape);
  const label = reference === null ? null : `{{${reference}}}`;
  const query = context.search?.query ?? '';

  return (
    <li>
      <div className="flex min-w-0 items-center gap-0.5">
        {expandable ? (
          <button
            type="button"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${label ?? field.label}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setToggled(!open)}
            className="flex size-4 shrink-0 items-center justify-center rounded text-zinc-400 hover:text-zinc-700 focus-visible:outline-2 focus-visible:outline-indigo-500"
          >
            <ChevronRight aria-hidden className={cn('size-3 transition-transform', open && 'rotate-90')} />
          </button>
        ) : (
          <span aria-hidden className="size-4 shrink-0" />
        )}
        <button
          type="button"
          disabled={label === null}
          // Keep the field's cursor: the click must not take focus from it first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => label && context.onInsert(label)}
          aria-label={label ?? `${field.label} (its step's name has braces, so references cannot name it)`}
          title={label ? `Insert ${label}` : 'Rename the step without { or } to use its data'}
          className={cn(
            'flex min-w-0 flex-1 items-baseline gap-1.5 rounded px-1 py-px text-left font-mono text-[11px]',
            'hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-60',
            state === 'match' && 'bg-amber-50',
          )}
        >
          <span className="shrink-0 text-zinc-800">
            <Highlighted text={field.label} query={query} />
          </span>
          <span className="truncate text-zinc-500">
            <Highlighted text={valuePreview(field.value)} query={hasChildren(field.value) ? '' : query} />
          </span>
        </button>
      </div>
      {open ? <FieldList fields={children} depth={depth + 1} context={context} /> : null}
    </li>
  );
}

function Highlighted({ text, query }: { text: string; query: string }) {
  const parts = highlightParts(text, query);
  if (parts === null) return <>{text}</>;
  return (
    <>
      {parts.before}
      <mark className="rounded-sm bg-amber-200 text-inherit">{parts.match}</mark>
      {parts.after}
    </>
  );
}
