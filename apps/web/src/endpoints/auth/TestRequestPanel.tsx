import { httpMethods, type EndpointView, type TestRequestResult } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Plus, Send, X } from 'lucide-react';
import { useId, useState, type KeyboardEvent } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { CodeBlock, Empty } from '../../activity/DetailSection';
import { HttpExchangeView } from '../../activity/HttpExchangeView';
import { cn } from '../../lib/cn';
import { useTRPC } from '../../lib/trpc';
import { readApiError } from '../../lib/trpc-error';
import type { SaveFirst } from '../EndpointForm';
import { RevealOnShow } from './RevealOnShow';
import { Button, IconButton } from '../../ui/Button';
import { Field, Select, TextArea, TextInput } from '../../ui/Field';
import {
  newTestRequestValues,
  testRequestFormSchema,
  toTestRequest,
  type TestRequestFormOutput,
  type TestRequestFormValues,
} from './test-request-form';

export interface TestRequestPanelProps {
  /** The stored endpoint the request goes through. */
  endpoint: EndpointView;
  /** Saves edited settings first, so the request uses what the dialog shows; null when refused. */
  saveFirst: SaveFirst;
}

type Outcome = { kind: 'result'; result: TestRequestResult } | { kind: 'error'; message: string };

/**
 * Test request: one real request through the endpoint, with the same authentication and TLS
 * handling a step gets, shown exchange by exchange (secrets redacted by the server).
 */
export function TestRequestPanel({ endpoint, saveFirst }: TestRequestPanelProps) {
  const trpc = useTRPC();
  const testRequest = useMutation(trpc.endpoints.testRequest.mutationOptions());
  const form = useForm<TestRequestFormValues, unknown, TestRequestFormOutput>({
    resolver: zodResolver(testRequestFormSchema),
    defaultValues: newTestRequestValues,
  });
  const headers = useFieldArray({ control: form.control, name: 'headers' });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { errors, isSubmitting } = form.formState;
  const headingId = useId();

  // Not a nested <form> (the dialog is one): Send validates this form's own fields by hand.
  const send = form.handleSubmit(async (values) => {
    setOutcome(null);
    try {
      if (!(await saveFirst.confirm('test'))) return;
      const saved = await saveFirst.save();
      if (saved === null) return;
      setOutcome({ kind: 'result', result: await testRequest.mutateAsync({ id: saved.id, ...toTestRequest(values) }) });
    } catch (error) {
      setOutcome({ kind: 'error', message: readApiError(error).message });
    }
  });
  // Enter in a one-line field sends the test instead of submitting the dialog (Save Changes).
  const sendOnEnter = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  };

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div>
        <h3 id={headingId} className="text-sm font-semibold text-zinc-900">
          Test request
        </h3>
        <p className="mt-0.5 text-xs text-zinc-500">
          Sends one real request to <span className="font-mono break-all text-zinc-700">{endpoint.baseUrl}</span> with this endpoint's
          authentication, exactly as a step would. Secrets are redacted in what is shown.
        </p>
      </div>

      <div className="grid grid-cols-[7.5rem_1fr] gap-3">
        <Field label="Method" error={errors.method?.message}>
          {(control) => (
            <Select {...control} {...form.register('method')}>
              {httpMethods.map((method) => (
                <option key={method} value={method}>
                  {method}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Path" error={errors.path?.message}>
          {(control) => (
            <TextInput
              {...control}
              placeholder="/users?active=true"
              autoComplete="off"
              spellCheck={false}
              onKeyDown={sendOnEnter}
              {...form.register('path')}
            />
          )}
        </Field>
      </div>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-sm font-medium text-zinc-800">Headers</legend>
        {headers.fields.map((field, index) => {
          const problem = errors.headers?.[index]?.name?.message ?? errors.headers?.[index]?.value?.message;
          return (
            <div key={field.id} className="flex flex-col gap-1">
              <div className="flex items-center gap-1.5">
                <TextInput
                  aria-label="Header name"
                  placeholder="Name"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={errors.headers?.[index]?.name ? true : undefined}
                  onKeyDown={sendOnEnter}
                  {...form.register(`headers.${index}.name`)}
                />
                <TextInput
                  aria-label="Header value"
                  placeholder="Value"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={errors.headers?.[index]?.value ? true : undefined}
                  onKeyDown={sendOnEnter}
                  {...form.register(`headers.${index}.value`)}
                />
                <IconButton label={`Remove header ${index + 1}`} tone="danger" icon={<X className="size-4" />} onClick={() => headers.remove(index)} />
              </div>
              {problem ? <p className="text-xs text-red-600">{problem}</p> : null}
            </div>
          );
        })}
        <div>
          <Button size="sm" variant="ghost" icon={<Plus aria-hidden className="size-3.5" />} onClick={() => headers.append({ name: '', value: '' })}>
            Add header
          </Button>
        </div>
      </fieldset>

      <Field label="Body" error={errors.body?.message} hint="Sent as written; leave empty for no body.">
        {(control) => <TextArea {...control} rows={3} spellCheck={false} {...form.register('body')} />}
      </Field>

      <div className="flex items-center gap-3">
        <Button variant="primary" icon={<Send aria-hidden className="size-4" />} disabled={isSubmitting} onClick={() => void send()}>
          {isSubmitting ? 'Sending…' : 'Send'}
        </Button>
        <span className="text-xs text-zinc-500">Unsaved changes to the settings are saved first.</span>
      </div>

      {outcome ? (
        <RevealOnShow>
          <TestRequestOutcome outcome={outcome} />
        </RevealOnShow>
      ) : null}
    </section>
  );
}

function TestRequestOutcome({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'error') {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
        {outcome.message}
      </p>
    );
  }
  const { response, error, exchanges } = outcome.result;
  return (
    <div className="flex flex-col gap-3 border-t border-zinc-100 pt-4">
      <section aria-label="Test response" className="flex flex-col gap-2">
        <h4 className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">Response</h4>
        {error ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
            <span className="font-mono text-xs font-semibold">{error.code}</span> {error.message}
          </p>
        ) : null}
        {response ? (
          <>
            <p className="flex items-center gap-2 text-sm">
              <span
                className={cn(
                  'rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
                  response.status < 300
                    ? 'bg-emerald-50 text-emerald-700 ring-emerald-200'
                    : response.status < 400
                      ? 'bg-sky-50 text-sky-700 ring-sky-200'
                      : 'bg-red-50 text-red-700 ring-red-200',
                )}
              >
                {response.status}
                {response.statusText ? ` ${response.statusText}` : ''}
              </span>
            </p>
            {response.body === '' ? <Empty>No body</Empty> : <CodeBlock label="Test response body">{response.body}</CodeBlock>}
            {response.bodyTruncated ? <p className="text-xs text-amber-700">Truncated: only the first part of the body is shown.</p> : null}
          </>
        ) : error ? null : (
          <Empty>No response</Empty>
        )}
      </section>
      <section aria-label="Exchanges" className="flex flex-col gap-2">
        <h4 className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
          {exchanges.length === 1 ? 'Exchange' : `Exchanges (${exchanges.length})`}
        </h4>
        {exchanges.length === 0 ? (
          <Empty>No HTTP requests were sent</Empty>
        ) : (
          exchanges.map((exchange, i) => <HttpExchangeView key={`${exchange.startedAt}-${i}`} exchange={exchange} />)
        )}
      </section>
    </div>
  );
}
