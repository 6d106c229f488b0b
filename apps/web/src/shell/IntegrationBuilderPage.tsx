import { ArrowLeftRight, ArrowRight, Globe, Plug } from 'lucide-react';
import { useLocation } from 'wouter';
import { useEndpoints } from '../endpoints/use-endpoints';
import { integrationCountText } from '../integrations/integration-count';
import { useIntegrations } from '../integrations/use-integrations';
import { useDocumentTitle } from '../lib/use-document-title';
import { Button } from '../ui/Button';
import { Page, PageHeader } from '../ui/Page';
import { WorkflowTransferButtons } from '../workflow/WorkflowTransferButtons';
import { useCurrentWorkflow } from './use-workflow';

/** The Integration Builder tab: the workflow's reusable building blocks. */
export function IntegrationBuilderPage() {
  useDocumentTitle('Integration Builder');
  const [, navigate] = useLocation();
  const { workflowId } = useCurrentWorkflow();
  const endpoints = useEndpoints(workflowId);
  const count = endpoints.data?.length;
  const integrations = useIntegrations(workflowId);
  return (
    <Page>
      <PageHeader title="Integration Builder" description="The building blocks your flows share: define them once, use them in every step." />
      <section aria-labelledby="ib-endpoints" className="flex items-start gap-4 rounded-lg border border-zinc-200 bg-white p-5">
        <div className="flex size-10 shrink-0 items-center justify-center rounded-md bg-indigo-50 text-indigo-600">
          <Globe aria-hidden className="size-5" />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <h2 id="ib-endpoints" className="text-base font-semibold text-zinc-900">
            Endpoints
          </h2>
          <p className="text-sm text-zinc-500">
            Base URLs and credentials for the systems your steps call. Editing an endpoint changes every step that uses it.
          </p>
          {count !== undefined ? (
            <p className="text-xs text-zinc-400">
              {count === 0 ? 'No endpoints yet' : `${count} ${count === 1 ? 'endpoint' : 'endpoints'}`}
            </p>
          ) : null}
        </div>
        <Button onClick={() => navigate('/integration-builder/endpoints')} icon={<ArrowRight aria-hidden className="size-4" />}>
          Edit Endpoints
        </Button>
      </section>
      <section aria-labelledby="ib-integrations" className="flex items-start gap-4 rounded-lg border border-zinc-200 bg-white p-5">
        <div className="flex size-10 shrink-0 items-center justify-center rounded-md bg-indigo-50 text-indigo-600">
          <Plug aria-hidden className="size-5" />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <h2 id="ib-integrations" className="text-base font-semibold text-zinc-900">
            Integrations
          </h2>
          <p className="text-sm text-zinc-500">
            Inbound integrations give other systems a URL whose script starts flows; outbound integrations tell them when runs end or steps fail.
          </p>
          {integrations.data ? <p className="text-xs text-zinc-400">{integrationCountText(integrations.data)}</p> : null}
        </div>
        <Button onClick={() => navigate('/integration-builder/integrations')} icon={<ArrowRight aria-hidden className="size-4" />}>
          Edit Integrations
        </Button>
      </section>
      <section aria-labelledby="ib-transfer" className="flex flex-wrap items-start gap-4 rounded-lg border border-zinc-200 bg-white p-5">
        <div className="flex size-10 shrink-0 items-center justify-center rounded-md bg-indigo-50 text-indigo-600">
          <ArrowLeftRight aria-hidden className="size-5" />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <h2 id="ib-transfer" className="text-base font-semibold text-zinc-900">
            Export and import
          </h2>
          <p className="text-sm text-zinc-500">
            Move this workflow's flows, custom steps, constants, libraries, endpoints and integrations to another Flowyard as one JSON file.
            Credentials never leave: imported endpoints are bound to existing ones or wait for their credentials.
          </p>
        </div>
        <div className="flex flex-wrap items-center justify-end gap-2">
          <WorkflowTransferButtons workflowId={workflowId} />
        </div>
      </section>
    </Page>
  );
}
