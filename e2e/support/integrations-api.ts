import type { APIRequestContext } from '@playwright/test';
import { arrayOf, field, stringField, TrpcHttp } from './trpc-http';

/** An integration body as `integrations.create` takes it; omitted settings get the API's defaults. */
export type IntegrationSpec =
  | { kind: 'inbound'; name: string; script: string; auth: { type: 'apiKey' } | { type: 'url'; actAsUserId: string } }
  | { kind: 'outbound'; name: string; script: string; trigger: { events: string[]; flowId: string | null }; rateLimit?: { perMinute: number } };

/** Integrations through the tRPC API (docs/integrations.md), for tests about other screens. */
export class IntegrationsApi {
  private readonly trpc: TrpcHttp;

  constructor(request: APIRequestContext) {
    this.trpc = new TrpcHttp(request);
  }

  /** Creates an integration; a URL-authenticated one answers its token path (`/inbound/<id>/<token>`) this once. */
  async create(workflowId: string, integration: IntegrationSpec): Promise<{ id: string; tokenPath: string | null }> {
    const saved = await this.trpc.mutation('integrations.create', { workflowId, integration });
    const tokenPath = field(saved, 'tokenPath');
    return { id: stringField(field(saved, 'integration'), 'id'), tokenPath: typeof tokenPath === 'string' ? tokenPath : null };
  }

  /** The names of the workflow's integrations. */
  async names(workflowId: string): Promise<string[]> {
    return arrayOf(await this.trpc.query('integrations.list', { workflowId }), 'integrations.list').map((view) => stringField(field(view, 'integration'), 'name'));
  }

  /** The signed-in user's id (the acting user of URL-authenticated integrations). */
  async myUserId(): Promise<string> {
    return stringField(await this.trpc.query('me.get'), 'id');
  }
}
