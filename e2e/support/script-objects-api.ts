import type { APIRequestContext } from '@playwright/test';
import { stringField, TrpcHttp } from './trpc-http';

/** Shared libraries and constants of a workflow, seeded through the tRPC API. */
export class ScriptObjectsApi {
  private readonly trpc: TrpcHttp;

  constructor(request: APIRequestContext) {
    this.trpc = new TrpcHttp(request);
  }

  /** Creates a shared library (`require('<name>')` in scripts) with CommonJS source. */
  async createLibrary(workflowId: string, name: string, source: string): Promise<{ id: string; name: string }> {
    const saved = await this.trpc.mutation('libraries.save', { workflowId, id: null, name, source });
    return { id: stringField(saved, 'id'), name: stringField(saved, 'name') };
  }

  /** Creates a constant (`constants['<name>']` in scripts). */
  async createConstant(workflowId: string, name: string, value: string): Promise<{ id: string; name: string }> {
    const saved = await this.trpc.mutation('constants.set', { workflowId, id: null, name, value });
    return { id: stringField(saved, 'id'), name: stringField(saved, 'name') };
  }
}
