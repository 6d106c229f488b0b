import { and, endpoints, eq, workflows, type EndpointRow } from '@flowyard/db';
import { builtinEndpointName, endpointNameKey } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { log } from '../log';

type BuiltinDeps = Pick<ServiceDeps, 'db' | 'providers' | 'now' | 'newId'>;

/**
 * The built-in Flowyard endpoint of every workflow (SPEC §2): created at start for workflows that
 * lack one, its base URL kept equal to this server's public URL. An endpoint someone made earlier
 * under the name "Flowyard" is renamed (with a warning in the log) so the built-in one can have it.
 */
export function createBuiltinEndpoints({ db, providers, now, newId }: BuiltinDeps) {
  async function freeName(workflowId: string, base: string): Promise<string> {
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : `${base} ${n}`;
      const [taken] = await db.orm.select({ id: endpoints.id }).from(endpoints).where(and(eq(endpoints.workflowId, workflowId), eq(endpoints.nameKey, endpointNameKey(name))));
      if (taken === undefined) return name;
    }
  }

  async function ensureIn(workflowId: string): Promise<void> {
    const at = now().toISOString();
    const baseUrl = providers.publicUrl;
    const [existing] = await db.orm.select().from(endpoints).where(and(eq(endpoints.workflowId, workflowId), eq(endpoints.authType, 'flowyard')));
    if (existing !== undefined) {
      if (existing.baseUrl !== baseUrl || existing.name !== builtinEndpointName) {
        await db.orm.update(endpoints).set({ baseUrl, name: builtinEndpointName, nameKey: endpointNameKey(builtinEndpointName), updatedAt: at }).where(eq(endpoints.id, existing.id));
      }
      return;
    }
    const nameKey = endpointNameKey(builtinEndpointName);
    const [clash] = await db.orm.select().from(endpoints).where(and(eq(endpoints.workflowId, workflowId), eq(endpoints.nameKey, nameKey)));
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
    if (clash === undefined) {
      await db.orm.insert(endpoints).values(row);
      return;
    }
    const name = await freeName(workflowId, `${clash.name} (custom)`);
    log.warn(`Endpoint "${clash.name}" was renamed to "${name}": every workflow's built-in endpoint is named ${builtinEndpointName}`);
    // The rename goes first: the name is unique per workflow.
    await db.orm.batch([db.orm.update(endpoints).set({ name, nameKey: endpointNameKey(name), updatedAt: at }).where(eq(endpoints.id, clash.id)), db.orm.insert(endpoints).values(row)]);
  }

  return {
    /** Makes sure `workflowId` has its built-in endpoint (call after creating a workflow). */
    ensure: (workflowId: string): Promise<void> => db.exclusive(() => ensureIn(workflowId)),

    /** At start: every workflow gets its built-in endpoint, with the current public URL. */
    async ensureAll(): Promise<void> {
      const all = await db.orm.select({ id: workflows.id }).from(workflows);
      for (const workflow of all) await db.exclusive(() => ensureIn(workflow.id));
    },
  };
}

export type BuiltinEndpoints = ReturnType<typeof createBuiltinEndpoints>;
