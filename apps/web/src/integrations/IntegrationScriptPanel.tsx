import type { IntegrationBody, IntegrationKind } from '@flowyard/engine/schemas';
import { useRef, useState } from 'react';
import { useController, type UseFormReturn } from 'react-hook-form';
import { EndpointsListDialog } from '../endpoints/EndpointsListDialog';
import { useEndpoints } from '../endpoints/use-endpoints';
import { AvailableObjects } from '../steps/script/AvailableObjects';
import { ScriptEditor, type CodeEditorHandle } from '../steps/script/ScriptEditor';
import { useLibraryNames } from '../steps/script/use-library-names';
import { useConstantNames } from '../steps/use-constants';
import type { IntegrationFormValues } from './integration-form';
import { integrationMembers, integrationObjectGroups } from './script-objects';

export interface IntegrationScriptPanelProps {
  form: UseFormReturn<IntegrationFormValues, unknown, IntegrationBody>;
  kind: IntegrationKind;
  workflowId: string;
  /** Flow names for `flows.start` (undefined while loading). */
  flowNames: readonly string[] | undefined;
  onSaveShortcut(): void;
}

/**
 * The integration's script: the custom step's code editor beside its "available objects" sidebar,
 * with `request` / `response` (inbound) or `callback` (outbound), `flows.start`, endpoints,
 * libraries and constants.
 */
export function IntegrationScriptPanel({ form, kind, workflowId, flowNames, onSaveShortcut }: IntegrationScriptPanelProps) {
  const editor = useRef<CodeEditorHandle>(null);
  const [endpointsOpen, setEndpointsOpen] = useState(false);
  const endpoints = useEndpoints(workflowId);
  const constants = useConstantNames(workflowId);
  const libraries = useLibraryNames(workflowId);
  const script = useController({ control: form.control, name: 'script' });
  const endpointNames = endpoints.data?.map((e) => e.name);
  const error = script.fieldState.error?.message;

  return (
    <div className="flex flex-col gap-1.5">
      <div className="grid min-h-0 grid-cols-[minmax(0,1fr)_17rem] overflow-hidden rounded-lg border border-zinc-300 bg-white" style={{ height: 460 }}>
        <ScriptEditor
          handle={editor}
          label="Script"
          describedBy="integration-script-error"
          invalid={error !== undefined}
          height="458px"
          value={script.field.value ?? ''}
          onChange={script.field.onChange}
          onBlur={script.field.onBlur}
          names={{
            endpoints: endpointNames ?? [],
            inputs: [],
            outputs: [],
            constants: constants ?? [],
            libraries: libraries ?? [],
            flows: flowNames ?? [],
            members: integrationMembers(kind),
          }}
          onSaveShortcut={onSaveShortcut}
        />
        <AvailableObjects
          objects={integrationObjectGroups(kind)}
          flows={flowNames ?? null}
          constants={constants}
          libraries={libraries}
          endpoints={endpointNames}
          endpointLabel={null}
          onInsert={(snippet) => editor.current?.insert(snippet)}
          onEditEndpoints={() => setEndpointsOpen(true)}
        />
      </div>
      {error ? (
        <p id="integration-script-error" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
      <p className="text-xs text-zinc-500">
        {kind === 'inbound' ? (
          <>
            Runs on every call to the URL: <code>request</code> holds the call, <code>flows.start(name, payload)</code> starts a flow, <code>response</code> is
            what the caller gets.
          </>
        ) : (
          <>
            Runs after each chosen event: <code>callback</code> describes it (also as JSON text in <code>request.body</code>). It never delays or changes the
            run.
          </>
        )}{' '}
        <code>http.request</code>, <code>console</code>, <code>constants</code> and <code>require('…')</code> work as in custom steps. Press Ctrl+Space for
        suggestions.
      </p>
      <EndpointsListDialog open={endpointsOpen} onOpenChange={setEndpointsOpen} workflowId={workflowId} />
    </div>
  );
}
