import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { cn } from '../../lib/cn';
import { constantsPath, librariesPath } from '../../scripting/script-object-paths';
import { jsString } from './js-string';
import { snippets } from './snippets';

/** A group of script-specific objects (e.g. an integration's `request`), each inserting its snippet. */
export interface ObjectGroup {
  title: string;
  items: ReadonlyArray<{ code: string; snippet: string; hint?: string }>;
}

export interface AvailableObjectsProps {
  /** The step's input labels; without them (an integration script) there is no Inputs group. */
  inputs?: readonly string[];
  outputs?: readonly string[];
  /** Groups shown first: the objects only this kind of script has. */
  objects?: readonly ObjectGroup[];
  /** Flow names for `flows.start('<name>', …)` (integration scripts); undefined shows no Flows group. */
  flows?: readonly string[] | null;
  constants: readonly string[] | undefined;
  /** The workflow's shared library names (undefined while loading). */
  libraries: readonly string[] | undefined;
  endpoints: readonly string[] | undefined;
  /** The step's own endpoint label, when it includes an endpoint. */
  endpointLabel: string | null;
  onInsert(snippet: string): void;
  /** Opens the workflow's endpoints (list and dialog) from the Edit link. */
  onEditEndpoints(): void;
}

/**
 * The "available objects" sidebar of the script editor (SPEC §4 place 2): what a script can use,
 * each a button that inserts its snippet at the cursor.
 */
export function AvailableObjects({ inputs, outputs, objects = [], flows, constants, libraries, endpoints, endpointLabel, onInsert, onEditEndpoints }: AvailableObjectsProps) {
  return (
    <section aria-label="Available objects" className="flex min-h-0 flex-col gap-4 overflow-y-auto border-l border-zinc-200 bg-zinc-50/70 p-3 text-sm">
      <h3 className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">Available objects</h3>
      {endpointLabel ? (
        <Group title="Step endpoint" items={[<Item key="label" code={endpointLabel} hint="label" onClick={() => onInsert(snippets.endpoint(endpointLabel))} />]} />
      ) : null}
      {objects.map((group) => (
        <Group
          key={group.title}
          title={group.title}
          items={group.items.map((item) => (
            <Item key={item.code} code={item.code} {...(item.hint ? { hint: item.hint } : {})} onClick={() => onInsert(item.snippet)} />
          ))}
        />
      ))}
      {inputs ? (
        <Group
          title="Inputs"
          empty="No inputs yet"
          items={inputs.map((label) => (
            <Item key={label} code={snippets.input(label)} onClick={() => onInsert(snippets.input(label))} />
          ))}
        />
      ) : null}
      {outputs ? (
        <Group
          title="Outputs"
          empty="No outputs yet"
          items={outputs.map((label) => (
            <Item key={label} code={`output[${jsString(label)}]`} onClick={() => onInsert(snippets.output(label))} />
          ))}
        />
      ) : null}
      {flows !== undefined ? (
        <Group
          title="Flows"
          empty={flows === null ? 'Loading…' : 'No flows yet'}
          items={(flows ?? []).map((name) => (
            <Item key={name} code={snippets.startFlow(name)} onClick={() => onInsert(snippets.startFlow(name))} />
          ))}
        />
      ) : null}
      <Group
        title="Constants"
        empty={constants === undefined ? 'Loading…' : 'No constants'}
        action={<PageLink href={constantsPath} label="Edit constants" />}
        items={(constants ?? []).map((name) => (
          <Item key={name} code={snippets.constant(name)} onClick={() => onInsert(snippets.constant(name))} />
        ))}
      />
      <Group
        title="Libraries"
        empty={libraries === undefined ? 'Loading…' : 'No shared libraries'}
        action={<PageLink href={librariesPath} label="Edit shared libraries" />}
        items={(libraries ?? []).map((name) => (
          <Item key={name} code={snippets.library(name)} onClick={() => onInsert(snippets.library(name))} />
        ))}
      />
      <Group
        title="Endpoints"
        empty={endpoints === undefined ? 'Loading…' : 'No endpoints yet'}
        action={
          <a
            href="/integration-builder/endpoints"
            data-in-place
            onClick={(event) => {
              // A plain click opens the endpoints here; a middle click opens the Endpoints page.
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
              event.preventDefault();
              onEditEndpoints();
            }}
            className="text-xs font-medium text-indigo-700 hover:underline"
          >
            Edit
          </a>
        }
        items={(endpoints ?? []).map((name) => (
          <Item key={name} code={name} onClick={() => onInsert(snippets.endpoint(name))} />
        ))}
      />
      <Group
        title="Functions"
        items={[
          <Item key="log" code="console.log()" onClick={() => onInsert(snippets.log())} />,
          <Item key="request" code="http.request({ … })" onClick={() => onInsert(snippets.endpoint(''))} />,
        ]}
      />
    </section>
  );
}

function Group({ title, empty, action, items }: { title: string; empty?: string; action?: ReactNode; items: ReactNode[] }) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-xs font-semibold text-zinc-700">{title}</h4>
        {action}
      </div>
      {items.length === 0 ? <p className="text-xs text-zinc-400">{empty}</p> : (
        <ul className="flex flex-col gap-0.5">
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A link to the Integration Builder page where the group's objects are edited (leaving asks first if the step is unsaved). */
function PageLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} aria-label={label} title={label} className="text-xs font-medium text-indigo-700 hover:underline">
      Edit
    </Link>
  );
}

function Item({ code, hint, onClick }: { code: string; hint?: string; onClick(): void }) {
  return (
    <button
      type="button"
      // Keep the editor's cursor where it is.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      aria-label={code}
      title={`Insert ${code}`}
      className={cn(
        'flex w-full items-baseline gap-2 truncate rounded px-1.5 py-0.5 text-left font-mono text-xs text-zinc-800',
        'hover:bg-indigo-50 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-500',
      )}
    >
      <span className="truncate">{code}</span>
      {hint ? <span className="ml-auto shrink-0 font-sans text-[10px] text-zinc-400">{hint}</span> : null}
    </button>
  );
}
