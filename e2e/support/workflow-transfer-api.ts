import type { APIRequestContext } from '@playwright/test';
import { arrayOf, isJsonObject, numberField, stringField, TrpcHttp, type JsonObject } from './trpc-http';

/** Export and import through the tRPC API, for tests that set up or check what the UI did. */
export class WorkflowTransferApi {
  private readonly trpc: TrpcHttp;

  constructor(request: APIRequestContext) {
    this.trpc = new TrpcHttp(request);
  }

  /** The export file of the workflow, as `workflows.export` answers it. */
  async exportFile(workflowId: string): Promise<JsonObject> {
    const file = await this.trpc.query('workflows.export', { workflowId });
    if (!isJsonObject(file)) throw new Error(`workflows.export returned ${JSON.stringify(file).slice(0, 200)}`);
    return file;
  }

  /** Sets Trust self-signed (and keeps everything else) on a stored endpoint, as the dialog's Save would. */
  async trustSelfSigned(endpointId: string): Promise<void> {
    const stored = await this.trpc.query('endpoints.get', { id: endpointId });
    const auth = stored && isJsonObject(stored) ? stored.auth : undefined;
    if (!isJsonObject(auth)) throw new Error('endpoints.get returned no auth');
    // The view's auth minus the "…Set"/connection facts is the update input (absent secrets keep the stored ones).
    const input = Object.fromEntries(Object.entries(auth).filter(([key]) => !key.endsWith('Set') && key !== 'connection'));
    await this.trpc.mutation('endpoints.update', {
      id: endpointId,
      name: stringField(stored, 'name'),
      baseUrl: stringField(stored, 'baseUrl'),
      trustSelfSigned: true,
      auth: input,
    });
  }

  /** How many flows the workflow has. */
  async flowCount(workflowId: string): Promise<number> {
    return numberField(await this.trpc.query('flows.list', { workflowId }), 'total');
  }

  /** The stored endpoints of the workflow. */
  async endpoints(workflowId: string): Promise<JsonObject[]> {
    return arrayOf(await this.trpc.query('endpoints.list', { workflowId }), 'endpoints.list').filter(isJsonObject);
  }
}
