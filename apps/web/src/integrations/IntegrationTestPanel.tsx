import {
  integrationBodySchema,
  integrationCallbackSchema,
  outboundEvents,
  type IntegrationBody,
  type IntegrationKind,
  type IntegrationTestResult,
  type OutboundEvent,
} from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { FlaskConical } from 'lucide-react';
import { useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { CodeBlock, DetailSection, Empty, KeyValues } from '../activity/DetailSection';
import { formatDuration } from '../activity/format';
import { HttpExchangeView } from '../activity/HttpExchangeView';
import { useCurrentUser } from '../auth/session-context';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { Field, Select, TextArea, TextInput } from '../ui/Field';
import { ConsoleLines } from './ConsoleLines';
import { outboundEventLabels, type IntegrationFormValues } from './integration-form';
import { sampleCallback, sampleContentTypes, sampleRequest, type SampleContentType } from './test-sample';

export interface IntegrationTestPanelProps {
  form: UseFormReturn<IntegrationFormValues, unknown, IntegrationBody>;
  kind: IntegrationKind;
  workflowId: string;
  flows: ReadonlyArray<{ id: string; name: string }> | undefined;
}

const methods = ['POST', 'GET', 'PUT', 'PATCH', 'DELETE'];

/**
 * Test script: runs the script as it is in the editor (saved or not) once, with a sample request
 * (inbound) or a sample callback (outbound). Nothing is recorded and no flow is started; the
 * result shows the response, the flows.start calls, console lines and HTTP exchanges.
 */
export function IntegrationTestPanel({ form, kind, workflowId, flows }: IntegrationTestPanelProps) {
  const trpc = useTRPC();
  const me = useCurrentUser();
  const test = useMutation(trpc.integrations.test.mutationOptions());
  const [method, setMethod] = useState('POST');
  const [query, setQuery] = useState('');
  const [contentType, setContentType] = useState<SampleContentType>('application/json');
  const [body, setBody] = useState('{\n  "id": 42,\n  "status": "open"\n}');
  const [event, setEvent] = useState<OutboundEvent>('run.failed');
  const [callbackText, setCallbackText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const [triggerFlowId] = useWatch({ control: form.control, name: ['trigger.flowId'] });
  const defaultCallback = () => {
    // The flow the trigger listens to, else any flow of the workflow, as the sample's flow.
    const flow = flows?.find((f) => f.id === triggerFlowId) ?? flows?.[0] ?? { id: 'sample-flow', name: 'Sample flow' };
    return JSON.stringify(sampleCallback({ event, workflow: { id: workflowId, name: 'Default' }, flow, user: { id: me.id, name: me.name, email: me.email } }), null, 2);
  };

  const run = async () => {
    setProblem(null);
    test.reset();
    // The form's own rules first, so a bad field shows under it (as Save would).
    if (!(await form.trigger())) {
      setProblem('Fix the fields marked above, then test again.');
      return;
    }
    const integration = integrationBodySchema.safeParse(form.getValues());
    if (!integration.success) {
      setProblem(integration.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
      return;
    }
    if (kind === 'inbound') {
      test.mutate({ workflowId, integration: integration.data, request: sampleRequest({ method, query, contentType, body }) });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(callbackText ?? defaultCallback());
    } catch (error) {
      setProblem(`Sample callback is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const callback = integrationCallbackSchema.safeParse(parsed);
    if (!callback.success) {
      setProblem(callback.error.issues.map((issue) => `Sample callback ${issue.path.join('.') || '(whole)'}: ${issue.message}`).join('\n'));
      return;
    }
    test.mutate({ workflowId, integration: integration.data, callback: callback.data });
  };

  return (
    <div className="flex flex-col gap-4">
      {kind === 'inbound' ? (
        <div className="grid grid-cols-1 gap-3 md:grid-cols-[8rem_minmax(0,1fr)_16rem]">
          <Field label="Method">
            {(control) => (
              <Select {...control} value={method} onChange={(e) => setMethod(e.target.value)}>
                {methods.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Query string" hint="e.g. source=crm&priority=high">
            {(control) => <TextInput {...control} value={query} spellCheck={false} className="font-mono" onChange={(e) => setQuery(e.target.value)} />}
          </Field>
          <Field label="Content type">
            {(control) => (
              <Select {...control} value={contentType} onChange={(e) => setContentType(sampleContentTypes.find((t) => t === e.target.value) ?? 'application/json')}>
                {sampleContentTypes.map((type) => (
                  <option key={type}>{type}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Sample body" className="md:col-span-3" hint="Form fields (a=1&b=2) also reach the script as request.parameters.">
            {(control) => <TextArea {...control} rows={5} value={body} spellCheck={false} onChange={(e) => setBody(e.target.value)} />}
          </Field>
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          <Field label="Sample event" className="max-w-xs">
            {(control) => (
              <Select
                {...control}
                value={event}
                onChange={(e) => {
                  setEvent(outboundEvents.find((ev) => ev === e.target.value) ?? 'run.failed');
                  setCallbackText(null);
                }}
              >
                {outboundEvents.map((ev) => (
                  <option key={ev} value={ev}>
                    {outboundEventLabels[ev]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Sample callback" hint="The callback the script gets (JSON); edit it to try other values.">
            {(control) => <TextArea {...control} rows={12} value={callbackText ?? defaultCallback()} spellCheck={false} onChange={(e) => setCallbackText(e.target.value)} />}
          </Field>
        </div>
      )}
      <div className="flex items-center gap-3">
        <Button variant="primary" icon={<FlaskConical aria-hidden className="size-4" />} disabled={test.isPending} onClick={() => void run()}>
          {test.isPending ? 'Testing…' : 'Test script'}
        </Button>
        <span className="text-xs text-zinc-500">Runs the script as it is in the editor. Nothing is recorded and no flow is started.</span>
      </div>
      {problem ? (
        <p role="alert" className="text-sm whitespace-pre-line text-red-700">
          {problem}
        </p>
      ) : null}
      {test.error ? (
        <p role="alert" className="text-sm whitespace-pre-line text-red-700">
          {readApiError(test.error).message}
        </p>
      ) : null}
      {test.data ? <TestResult kind={kind} result={test.data} /> : null}
    </div>
  );
}

function TestResult({ kind, result }: { kind: IntegrationKind; result: IntegrationTestResult }) {
  return (
    <section aria-label="Test result" className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-zinc-50/60 p-4">
      <p className="text-xs text-zinc-500">Ran in {formatDuration(result.durationMs)}.</p>
      {result.error ? (
        <DetailSection title="Error">
          <p role="alert" className="text-sm text-red-700">
            <span className="font-mono font-semibold">{result.error.code}</span> {result.error.message}
          </p>
        </DetailSection>
      ) : null}
      {kind === 'inbound' ? (
        <DetailSection title="Response">
          <p className="text-sm text-zinc-800">
            HTTP status <span className="font-mono font-semibold">{result.response.status}</span>
          </p>
          <KeyValues label="Response headers" entries={Object.entries(result.response.headers)} />
          {result.response.body === '' ? <Empty>No body</Empty> : <CodeBlock label="Response body">{result.response.body}</CodeBlock>}
        </DetailSection>
      ) : null}
      <DetailSection title="Flows started">
        {result.flowStarts.length === 0 ? (
          <Empty>The script started no flow</Empty>
        ) : (
          <ul aria-label="Flow starts" className="flex flex-col gap-2">
            {result.flowStarts.map((start, i) => (
              <li key={i} className="flex flex-col gap-1 text-sm">
                <span>
                  Would start <strong className="font-semibold">{start.flowName}</strong> with:
                </span>
                <CodeBlock>{JSON.stringify(start.payload, null, 2) ?? 'null'}</CodeBlock>
              </li>
            ))}
          </ul>
        )}
      </DetailSection>
      <DetailSection title="Console">
        <ConsoleLines lines={result.logs} />
      </DetailSection>
      <DetailSection title="HTTP">
        {result.exchanges.length === 0 ? <Empty>No HTTP requests</Empty> : result.exchanges.map((exchange, i) => <HttpExchangeView key={`${exchange.startedAt}-${i}`} exchange={exchange} />)}
      </DetailSection>
    </section>
  );
}
