import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from '@playwright/test';

/**
 * Calls HTTP trigger URLs the way an outside program (curl) does: its own request context with no
 * browser session, authenticating with an API key only.
 */
export class HookCaller {
  private constructor(private readonly request: APIRequestContext) {}

  static async start(playwright: PlaywrightWorkerArgs['playwright']): Promise<HookCaller> {
    // Explicitly empty: request contexts otherwise inherit the admin's signed-in state (use.storageState).
    return new HookCaller(await playwright.request.newContext({ storageState: { cookies: [], origins: [] } }));
  }

  /** POSTs a JSON body to `url` with `Authorization: Bearer <key>` (no header when key is null). */
  async post(url: string, key: string | null, body: unknown): Promise<APIResponse> {
    return this.request.post(url, { data: body, headers: key === null ? {} : { Authorization: `Bearer ${key}` } });
  }

  async close(): Promise<void> {
    await this.request.dispose();
  }
}

/** A flow graph "HTTP Trigger → Find User" searching for the caller's `search` field, for `api.createFlowWithGraph`. */
export function triggerFindUserGraph(allowedRoles: string[] = ['admin', 'developer', 'rest', 'standard']) {
  return {
    nodes: [
      { id: 'hook', type: 'http-trigger', position: { x: 120, y: 60 }, data: { name: 'HTTP Trigger', config: { allowedRoles } } },
      { id: 'find', type: 'find-user', position: { x: 120, y: 260 }, data: { name: 'Find User', config: { search: '{{trigger.body.search}}' } } },
    ],
    edges: [{ id: 'hook->find', source: 'hook', target: 'find', sourceHandle: null }],
  };
}
