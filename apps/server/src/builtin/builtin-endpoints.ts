import type { EndpointRow, UnitRepos } from '@flowyard/db';
import { builtinEndpointName, endpointNameKey } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { log } from '../log';

type BuiltinDeps = Pick<ServiceDeps, 'store' | 'providers' | 'now' | 'newId'>;

/**
 * The built-in Flowyard endpoint of every workflow (SPEC §2): created at start for workflows that
 * lack one, its base URL kept equal to this server's public URL. An endpoint someone made earlier
 * under the name "Flowyard" is renamed (with a warning in the log) so the built-in one can have it.
 */
export function createBuiltinEndpoints({ store, providers, now, newId }: BuiltinDeps) {
  async function freeName(repos: UnitRepos, workflowId: string, base: string): Promise<string> {
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : `${base} ${n}`;
      if ((await repos.endpoints.findByNameKey(workflowId, endpointNameKey(name))) === undefined) return name;
    }
  }

  async function ensureIn(repos: UnitRepos, workflowId: string): Promise<void> {
    const at = now().toISOString();
    const baseUrl = providers.publicUrl;
    const existing = await repos.endpoints.findByAuthType(workflowId, 'flowyard');
    if (existing !== undefined) {
      if (existing.baseUrl !== baseUrl || existing.name !== builtinEndpointName) {
        await repos.endpoints.update(existing.id, { baseUrl, name: builtinEndpointName, nameKey: endpointNameKey(builtinEndpointName), updatedAt: at });
      }
      return;
    }
    const nameKey = endpointNameKey(builtinEndpointName);
    const clash = await repos.endpoints.findByNameKey(workflowId, nameKey);
    const row: EndpointRow = {
      id: newId(),
      workflowId,
      name: builtinEndpointName,
      nameKey,
      baseUrl,
      trustSelfSigned: false,
      authType: 'flowyard',
      authConfig: {},
      secrets: null,
      needsCredentials: false,
      createdAt: at,
      updatedAt: at,
    };
    if (clash !== undefined) {
      const name = await freeName(repos, workflowId, `${clash.name} (custom)`);
      log.warn(`Endpoint "${clash.name}" was renamed to "${name}": every workflow's built-in endpoint is named ${builtinEndpointName}`);
      // The rename goes first: the name is unique per workflow.
      await repos.endpoints.update(clash.id, { name, nameKey: endpointNameKey(name), updatedAt: at });
    }
    await repos.endpoints.insert(row);
  }

  return {
    /** Makes sure `workflowId` has its built-in endpoint (call after creating a workflow). */
    ensure: (workflowId: string): Promise<void> => store.unitOfWork((tx) => ensureIn(tx.repos, workflowId)),

    /** At start: every workflow gets its built-in endpoint, with the current public URL. */
    async ensureAll(): Promise<void> {
      for (const workflow of await store.repos.workflows.list()) await store.unitOfWork((tx) => ensureIn(tx.repos, workflow.id));
    },
  };
}

export type BuiltinEndpoints = ReturnType<typeof createBuiltinEndpoints>;
