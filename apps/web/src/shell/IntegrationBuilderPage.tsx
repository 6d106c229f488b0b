import { ArrowLeftRight, ArrowRight, Globe, Library, Plug, Variable } from 'lucide-react';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useEndpoints } from '../endpoints/use-endpoints';
import { integrationCountText } from '../integrations/integration-count';
import { useIntegrations } from '../integrations/use-integrations';
import { useDocumentTitle } from '../lib/use-document-title';
import { constantsPath, librariesPath } from '../scripting/script-object-paths';
import { useConstants, useLibraries } from '../scripting/use-script-objects';
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
  const libraries = useLibraries(workflowId);
  const constants = useConstants(workflowId);
  const integrations = useIntegrations(workflowId);
  return (
    <Page>
      <PageHeader title="Integration Builder" description="The building blocks your flows share: define them once, use them in every step." />
      <BuildingBlock
        id="ib-endpoints"
        icon={<Globe aria-hidden className="size-5" />}
        title="Endpoints"
        summary={countText(endpoints.data?.length, 'endpoint', 'endpoints')}
        action={
          <Button onClick={() => navigate('/integration-builder/endpoints')} icon={<ArrowRight aria-hidden className="size-4" />}>
            Edit Endpoints
          </Button>
        }
      >
        Base URLs and credentials for the systems your steps call. Editing an endpoint changes every step that uses it.
      </BuildingBlock>
      <BuildingBlock
        id="ib-integrations"
        icon={<Plug aria-hidden className="size-5" />}
        title="Integrations"
        summary={integrations.data ? integrationCountText(integrations.data) : undefined}
        action={
          <Button onClick={() => navigate('/integration-builder/integrations')} icon={<ArrowRight aria-hidden className="size-4" />}>
            Edit Integrations
          </Button>
        }
      >
        Inbound integrations give other systems a URL whose script starts flows; outbound integrations tell them when runs end or steps fail.
      </BuildingBlock>
      <BuildingBlock
        id="ib-libraries"
        icon={<Library aria-hidden className="size-5" />}
        title="Shared libraries"
        summary={countText(libraries.data?.length, 'shared library', 'shared libraries')}
        action={
          <Button onClick={() => navigate(librariesPath)} icon={<ArrowRight aria-hidden className="size-4" />}>
            Edit Shared libraries
          </Button>
        }
      >
        JavaScript your step scripts load with <code>require('…')</code>: helpers written once and shared by every script.
      </BuildingBlock>
      <BuildingBlock
        id="ib-constants"
        icon={<Variable aria-hidden className="size-5" />}
        title="Constants"
        summary={countText(constants.data?.length, 'constant', 'constants')}
        action={
          <Button onClick={() => navigate(constantsPath)} icon={<ArrowRight aria-hidden className="size-4" />}>
            Edit Constants
          </Button>
        }
      >
        Named values every script reads as <code>constants['Name']</code>, such as a region or an account id.
      </BuildingBlock>
      <section aria-labelledby="ib-transfer" className="flex flex-wrap items-start gap-4 rounded-lg border border-zinc-200 bg-white p-5">
        <div className="flex size-10 shrink-0 items-center justify-center rounded-md bg-indigo-50 text-indigo-600">
          <ArrowLeftRight aria-hidden className="size-5" />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <h2 id="ib-transfer" className="text-base font-semibold text-zinc-900">
            Export and import
          </h2>
          <p className="text-sm text-zinc-500">
            Move this workflow's flows, custom steps, constants, libraries and endpoints to another Flowyard as one JSON file.
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

interface BuildingBlockProps {
  id: string;
  icon: ReactNode;
  title: string;
  /** How many the workflow has, in words (undefined while loading). */
  summary: string | undefined;
  action: ReactNode;
  children: ReactNode;
}

/** One kind of building block: what it is, how many there are, and the button to its page. */
function BuildingBlock({ id, icon, title, summary, action, children }: BuildingBlockProps) {
  return (
    <section aria-labelledby={id} className="flex items-start gap-4 rounded-lg border border-zinc-200 bg-white p-5">
      <div className="flex size-10 shrink-0 items-center justify-center rounded-md bg-indigo-50 text-indigo-600">{icon}</div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <h2 id={id} className="text-base font-semibold text-zinc-900">
          {title}
        </h2>
        <p className="text-sm text-zinc-500">{children}</p>
        {summary !== undefined ? <p className="text-xs text-zinc-400">{summary}</p> : null}
      </div>
      {action}
    </section>
  );
}

function countText(count: number | undefined, one: string, many: string): string | undefined {
  if (count === undefined) return undefined;
  return count === 0 ? `No ${many} yet` : `${count} ${count === 1 ? one : many}`;
}
