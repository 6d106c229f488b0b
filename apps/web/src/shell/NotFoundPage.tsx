import { Compass } from 'lucide-react';
import { Link } from 'wouter';
import { useDocumentTitle } from '../lib/use-document-title';
import { EmptyState, Page } from '../ui/Page';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <Page>
      <h1 className="sr-only">Page not found</h1>
      <EmptyState icon={<Compass aria-hidden className="size-8" />} title="There is nothing at this address.">
        <Link href="/flows" className="text-indigo-700 hover:underline">
          Go to your flows
        </Link>
      </EmptyState>
    </Page>
  );
}
