import { useRef, useState } from 'react';
import { useController, useWatch, type UseFormReturn } from 'react-hook-form';
import type { CustomStepBody } from '@flowyard/engine/schemas';
import { EndpointsListDialog } from '../../endpoints/EndpointsListDialog';
import { useEndpoints } from '../../endpoints/use-endpoints';
import type { StepEditorValues } from '../step-editor-form';
import { useConstantNames } from '../use-constants';
import { AvailableObjects } from './AvailableObjects';
import { ScriptEditor, type CodeEditorHandle } from './ScriptEditor';
import { TestScriptButton } from './TestScriptButton';
import { useLibraryNames } from './use-library-names';

export interface ScriptEditorPanelProps {
  form: UseFormReturn<StepEditorValues, unknown, CustomStepBody>;
  workflowId: string;
  onSaveShortcut(): void;
}

const labelsOf = (fields: ReadonlyArray<{ label?: string }> | undefined): string[] =>
  [...new Set((fields ?? []).map((f) => (f.label ?? '').trim()).filter((label) => label !== ''))];

/** The step's script: the code editor beside the "available objects" sidebar. */
export function ScriptEditorPanel({ form, workflowId, onSaveShortcut }: ScriptEditorPanelProps) {
  const editor = useRef<CodeEditorHandle>(null);
  const [endpointsOpen, setEndpointsOpen] = useState(false);
  const endpoints = useEndpoints(workflowId);
  const constants = useConstantNames(workflowId);
  const libraries = useLibraryNames(workflowId);
  const script = useController({ control: form.control, name: 'script' });
  const [inputs, outputs, includeEndpoint, endpointLabel] = useWatch({
    control: form.control,
    name: ['inputs', 'outputs', 'includeEndpoint', 'endpointLabel'],
  });
  const inputLabels = labelsOf(inputs);
  const outputLabels = labelsOf(outputs);
  const label = includeEndpoint && endpointLabel?.trim() ? endpointLabel.trim() : null;
  const endpointNames = endpoints.data?.map((e) => e.name);
  const error = script.fieldState.error?.message;

  return (
    <div className="flex flex-col gap-1.5">
      <div className="grid min-h-0 grid-cols-[minmax(0,1fr)_16rem] overflow-hidden rounded-lg border border-zinc-300 bg-white" style={{ height: 460 }}>
        <ScriptEditor
          handle={editor}
          label="Script"
          describedBy="script-error"
          invalid={error !== undefined}
          height="458px"
          value={script.field.value ?? ''}
          onChange={script.field.onChange}
          onBlur={script.field.onBlur}
          names={{
            stepEndpoint: label,
            endpoints: endpointNames ?? [],
            inputs: inputLabels,
            outputs: outputLabels,
            constants: constants ?? [],
            libraries: libraries ?? [],
          }}
          onSaveShortcut={onSaveShortcut}
        />
        <AvailableObjects
          inputs={inputLabels}
          outputs={outputLabels}
          constants={constants}
          libraries={libraries}
          endpoints={endpointNames}
          endpointLabel={label}
          onInsert={(snippet) => editor.current?.insert(snippet)}
          onEditEndpoints={() => setEndpointsOpen(true)}
        />
      </div>
      {error ? (
        <p id="script-error" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
      <div className="flex items-start justify-between gap-3">
        <p className="text-xs text-zinc-500">
          The script runs as a function body in a sandbox (top-level <code>await</code> works): <code>input</code>, <code>output</code>,{' '}
          <code>http.request</code>, <code>console</code>, <code>constants</code>, <code>require('…')</code> of the workflow's shared libraries, timers,{' '}
          <code>URL</code>, <code>btoa</code>, <code>Intl</code> and more are available. Press Ctrl+Space for suggestions.
        </p>
        <TestScriptButton form={form} workflowId={workflowId} />
      </div>
      <EndpointsListDialog open={endpointsOpen} onOpenChange={setEndpointsOpen} workflowId={workflowId} />
    </div>
  );
}
