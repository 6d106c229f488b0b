import type { CustomStepBody, FlowGraph } from '@flowyard/engine';
import { afterEach, describe, expect, it } from 'vitest';
import type { Repos } from '../repos';
import type { Store } from '../store';
import type { CustomStepRow, EndpointRow, FlowRow, IntegrationLogRow, IntegrationRow, RunInsertRow, RunStepRow, UserRow } from '../tables';
import type { TestDatabase, TestStore } from '../testing/test-database';

export interface StoreContractOptions {
  /** A fresh, migrated database per test. */
  database(): Promise<TestDatabase>;
  /** Whether several stores (processes) can share the database: then they must see each other. */
  shared: boolean;
}

const at = '2024-01-01T00:00:00.000Z';
const later = '2024-01-02T00:00:00.000Z';
const graph: FlowGraph = { nodes: [], edges: [] };
const definition: CustomStepBody = {
  name: 'Step',
  description: '',
  icon: 'code',
  inputs: [],
  outputs: [],
  includeEndpoint: false,
  endpointType: 'any',
  endpointLabel: '',
  script: '',
  timeoutMs: 10_000,
};

const endpoint = (id: string, name: string, extra: Partial<EndpointRow> = {}): EndpointRow => ({
  id,
  workflowId: 'w1',
  name,
  nameKey: name.toLowerCase(),
  baseUrl: `http://${id}.example`,
  trustSelfSigned: false,
  authType: 'none',
  authConfig: {},
  secrets: null,
  needsCredentials: false,
  createdAt: at,
  updatedAt: at,
  ...extra,
});
const flow = (id: string, name: string, extra: Partial<FlowRow> = {}): FlowRow => ({ id, workflowId: 'w1', name, graph, version: 1, enabled: true, createdAt: at, updatedAt: at, ...extra });
const customStep = (id: string, name: string, extra: Partial<CustomStepRow> = {}): CustomStepRow => ({
  id,
  workflowId: 'w1',
  name,
  nameKey: name.toLowerCase(),
  definition: { ...definition, name },
  scriptIndexVersion: 1,
  createdAt: at,
  updatedAt: at,
  ...extra,
});
const user = (id: string, name: string, extra: Partial<UserRow> = {}): UserRow => ({
  id,
  name,
  email: `${id}@example.com`,
  role: 'admin',
  passwordHash: null,
  disabled: false,
  createdAt: at,
  updatedAt: null,
  ...extra,
});
const run = (id: string, flowId: string, startedAt: string, extra: Partial<RunInsertRow> = {}): RunInsertRow => ({
  id,
  flowId,
  workflowId: 'w1',
  flowVersion: 1,
  status: 'succeeded',
  triggerType: 'manual',
  triggerNodeId: 't',
  userId: 'u1',
  payload: { hello: 'world' },
  startedAt,
  finishedAt: null,
  durationMs: null,
  error: null,
  rerunOf: null,
  rerunFromNodeId: null,
  attempt: 1,
  leaseOwner: null,
  leaseUntil: null,
  origin: null,
  ...extra,
});
const step = (id: string, runId: string, status: RunStepRow['status'], extra: Partial<RunStepRow> = {}): RunStepRow => ({
  id,
  runId,
  nodeId: 'n',
  stepType: 'http-request',
  name: 'Call',
  status,
  startedAt: at,
  finishedAt: null,
  durationMs: null,
  inputs: { method: 'GET' },
  outputs: null,
  exchanges: [],
  logs: [{ level: 'info', message: 'hi "quoted" \\ \u00e9', at }],
  error: null,
  pinned: false,
  tries: null,
  replayedFrom: null,
  attempt: 1,
  nextHandle: null,
  ...extra,
});

const integration = (id: string, name: string, extra: Partial<IntegrationRow> = {}): IntegrationRow => ({
  id,
  workflowId: 'w1',
  kind: 'inbound',
  name,
  nameKey: name.toLowerCase(),
  definition: { kind: 'inbound', name, description: '', enabled: true, script: '', timeoutMs: 10_000, auth: { type: 'url', actAsUserId: 'u1' } },
  tokenHash: 'abc',
  tokenCreatedAt: at,
  createdAt: at,
  updatedAt: at,
  ...extra,
});
const logEntry = (id: string, integrationId: string, at: string, extra: Partial<IntegrationLogRow> = {}): IntegrationLogRow => ({
  id,
  integrationId,
  at,
  durationMs: 3.5,
  kind: 'inbound',
  caller: { id: 'u1', name: 'Ada', email: 'u1@example.com' },
  method: 'POST',
  event: null,
  sourceRunId: null,
  body: '{"a":"\u00e9 \\ \""}',
  bodyTruncated: false,
  logs: [{ level: 'log', message: 'hi', at }],
  exchanges: [],
  outcome: 'succeeded',
  status: 202,
  error: null,
  runIds: ['r1'],
  ...extra,
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await pause(10);
  }
}

/**
 * What every store must do, whichever database it runs on: each repository method, units of
 * work, run records and write generations. Every repository method must be called by some test
 * here (the last test fails otherwise), so a new method cannot go untested on either dialect.
 */
export function defineStoreContract(name: string, options: StoreContractOptions): void {
  const called = new Set<string>();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** Records which repository methods the tests call. */
  function recording<R extends object>(repos: R): R {
    return new Proxy(repos, {
      get(target, repo) {
        const methods: unknown = Reflect.get(target, repo);
        if (typeof repo !== 'string' || typeof methods !== 'object' || methods === null) return methods;
        return new Proxy(methods, {
          get(inner, method) {
            const value: unknown = Reflect.get(inner, method);
            if (typeof method === 'string' && typeof value === 'function') called.add(`${repo}.${method}`);
            return value;
          },
        });
      },
    });
  }

  async function open(database?: TestDatabase): Promise<TestStore & { database: TestDatabase }> {
    const db = database ?? (await options.database());
    const opened = await db.open();
    cleanups.push(async () => {
      await opened.store.close();
      if (database === undefined) await db.drop();
    });
    const store: Store = {
      ...opened.store,
      repos: recording(opened.store.repos),
      unitOfWork: (work) => opened.store.unitOfWork((tx) => work({ ...tx, repos: recording(tx.repos), afterCommit: tx.afterCommit })),
      runRecords: opened.store.runRecords,
      generations: opened.store.generations,
      locks: opened.store.locks,
      dialect: opened.store.dialect,
      close: () => opened.store.close(),
    };
    return { store, sql: opened.sql, database: db };
  }

  /** A store holding workflow w1 and user u1. */
  async function seeded(): Promise<TestStore & { database: TestDatabase }> {
    const opened = await open();
    await opened.store.repos.workflows.insert({ id: 'w1', name: 'Default' });
    await opened.store.repos.users.insert(user('u1', 'Ada'));
    return opened;
  }

  describe(`${name}: repositories`, () => {
    it('workflows: insert, get, find by name, list by name', async () => {
      const { store } = await open();
      const { workflows } = store.repos;
      await workflows.insert({ id: 'w2', name: 'Zeta' });
      await workflows.insert({ id: 'w1', name: 'Alpha' });
      expect(await workflows.get('w2')).toEqual({ id: 'w2', name: 'Zeta' });
      expect(await workflows.get('nope')).toBeUndefined();
      expect(await workflows.findByName('Alpha')).toEqual({ id: 'w1', name: 'Alpha' });
      expect(await workflows.findByName('alpha')).toBeUndefined();
      expect((await workflows.list()).map((w) => w.id)).toEqual(['w1', 'w2']);
    });

    it('endpoints: every lookup, insert(s), update and delete; the name key is unique per workflow', async () => {
      const { store } = await seeded();
      const { endpoints, workflows } = store.repos;
      await workflows.insert({ id: 'w2', name: 'Other' });
      await endpoints.insert(endpoint('e1', 'Beta', { authType: 'basic', authConfig: { username: 'u', preemptive: true }, secrets: 'sealed', trustSelfSigned: true }));
      await endpoints.insertMany([endpoint('e2', 'alpha'), endpoint('e3', 'Alpha2', { authType: 'flowyard' }), endpoint('e4', 'Beta', { workflowId: 'w2' })]);
      await endpoints.insertMany([]);
      await expect(endpoints.insert(endpoint('e5', 'BETA', { nameKey: 'beta' }))).rejects.toThrow();

      expect(await endpoints.get('e1')).toEqual(endpoint('e1', 'Beta', { authType: 'basic', authConfig: { username: 'u', preemptive: true }, secrets: 'sealed', trustSelfSigned: true }));
      expect(await endpoints.get('nope')).toBeUndefined();
      expect((await endpoints.getInWorkflow('w1', 'e2'))?.name).toBe('alpha');
      expect(await endpoints.getInWorkflow('w2', 'e2')).toBeUndefined();
      expect((await endpoints.findByNameKey('w2', 'beta'))?.id).toBe('e4');
      expect((await endpoints.findByAuthType('w1', 'flowyard'))?.id).toBe('e3');
      expect(await endpoints.findByAuthType('w2', 'flowyard')).toBeUndefined();
      expect((await endpoints.listByWorkflow('w1')).map((e) => e.id)).toEqual(['e2', 'e3', 'e1']);
      expect((await endpoints.summaries('w1')).find((e) => e.id === 'e1')).toEqual({ id: 'e1', name: 'Beta', nameKey: 'beta', baseUrl: 'http://e1.example', authType: 'basic' });
      expect([...(await endpoints.existingIds('w1', ['e1', 'e4', 'nope']))]).toEqual(['e1']);
      expect((await endpoints.existingIds('w1', [])).size).toBe(0);

      await endpoints.update('e1', { name: 'Gamma', nameKey: 'gamma', secrets: null, needsCredentials: true, updatedAt: later });
      expect(await endpoints.get('e1')).toMatchObject({ name: 'Gamma', nameKey: 'gamma', secrets: null, needsCredentials: true, updatedAt: later, authConfig: { username: 'u', preemptive: true } });
      await endpoints.delete('e1');
      expect(await endpoints.get('e1')).toBeUndefined();
    });

    it('flows: insert(s), lookups, rename, save the graph with its usage index (only over the expected version), delete', async () => {
      const { store } = await seeded();
      const { flows, endpoints, customSteps, usage } = store.repos;
      await endpoints.insert(endpoint('e1', 'API'));
      await customSteps.insert(customStep('s1', 'Step'), []);
      await flows.insert(flow('f2', 'B'));
      await flows.insertMany([flow('f1', 'A', { createdAt: later })], [{ endpointId: 'e1', flowId: 'f1', nodeId: 'n1', stepName: 'Call' }], [{ customStepId: 's1', flowId: 'f1', nodeId: 'n2', stepName: 'Mine' }]);
      await flows.insertMany([], [], []);

      expect(await flows.get('f1')).toEqual(flow('f1', 'A', { createdAt: later }));
      expect(await flows.get('nope')).toBeUndefined();
      expect((await flows.listByWorkflow('w1')).map((f) => f.id)).toEqual(['f1', 'f2']);
      expect(await flows.ids()).toEqual(['f1', 'f2']);
      expect((await flows.graphs('w1')).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
        { id: 'f1', name: 'A', graph },
        { id: 'f2', name: 'B', graph },
      ]);
      expect((await flows.names('w1')).sort()).toEqual(['A', 'B']);
      expect(await usage.endpointSteps('e1')).toEqual([{ flowId: 'f1', flowName: 'A', nodeId: 'n1', stepName: 'Call' }]);

      await flows.rename('f2', 'C', later);
      expect(await flows.get('f2')).toMatchObject({ name: 'C', updatedAt: later, version: 1 });

      const saved: FlowGraph = { nodes: [{ id: 'm', type: 'manual-trigger', position: { x: 1, y: 2 }, data: { name: 'Go', config: { testPayload: '{}' } } }], edges: [] };
      await flows.saveGraph({ id: 'f1', expectedVersion: 1, graph: saved, version: 2, updatedAt: later }, [{ endpointId: 'e1', flowId: 'f1', nodeId: 'x', stepName: 'X' }], []);
      expect(await flows.get('f1')).toMatchObject({ graph: saved, version: 2, updatedAt: later });
      expect(await usage.endpointSteps('e1')).toEqual([{ flowId: 'f1', flowName: 'A', nodeId: 'x', stepName: 'X' }]);
      expect(await usage.customStepSteps('s1')).toEqual([]);
      // A save over a version that moved on leaves the graph alone.
      await flows.saveGraph({ id: 'f1', expectedVersion: 1, graph, version: 2, updatedAt: later }, [], []);
      expect((await flows.get('f1'))?.graph).toEqual(saved);

      await flows.delete('f1');
      expect(await flows.get('f1')).toBeUndefined();
      expect(await usage.endpointSteps('e1')).toEqual([]);
    });

    it('flows: pages by name with a search (wildcards literal), counts, turns on and off', async () => {
      const { store } = await seeded();
      const { flows } = store.repos;
      await flows.insertMany(['delta', 'alpha', 'charlie', 'bravo', 'echo_1', 'echo%2', 'Alphabet'].map((name, i) => flow(`f${i}`, name)), [], []);
      // Collations differ between the dialects, so only single lower-case words are compared in order.
      const firstPage = await flows.page('w1', '', 4);
      expect(firstPage[0]).not.toHaveProperty('graph');
      const pages = [...firstPage];
      for (let last = pages.at(-1); last; ) {
        const next = await flows.page('w1', '', 2, { name: last.name, id: last.id });
        pages.push(...next);
        last = next.at(-1);
      }
      expect(pages.map((f) => f.id)).toEqual((await flows.page('w1', '', 100)).map((f) => f.id));
      expect(pages.map((f) => f.name).filter((n) => /^[a-d]/.test(n))).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
      expect((await flows.page('w1', 'alpha', 10)).map((f) => f.name).sort()).toEqual(['Alphabet', 'alpha']);
      expect((await flows.page('w1', '_', 10)).map((f) => f.name)).toEqual(['echo_1']);
      expect((await flows.page('w1', '%', 10)).map((f) => f.name)).toEqual(['echo%2']);
      expect(await flows.count('w1', '')).toBe(7);
      expect(await flows.count('w1', 'alpha')).toBe(2);
      expect(await flows.count('w2', '')).toBe(0);
      await flows.setEnabled('f0', false, later);
      expect(await flows.get('f0')).toMatchObject({ enabled: false, updatedAt: later });
    });

    it('flows: versions kept, listed newest first, read, pruned, and gone with the flow', async () => {
      const { store } = await seeded();
      const { flows } = store.repos;
      await flows.insertMany([flow('f1', 'A')], [], [], [{ flowId: 'f1', version: 1, graph, savedAt: at, savedById: 'u1', savedByName: 'Ada', summary: 'Created' }]);
      for (const version of [2, 3, 4]) {
        await flows.insertVersion({ flowId: 'f1', version, graph, savedAt: later, savedById: null, savedByName: 'Import', summary: `${version} steps changed` });
      }
      const listed = await flows.versions('f1', 2);
      expect(listed.map((v) => v.version)).toEqual([4, 3]);
      expect(listed[0]).toEqual({ flowId: 'f1', version: 4, savedAt: later, savedById: null, savedByName: 'Import', summary: '4 steps changed' });
      expect((await flows.versions('f1', 10, 3)).map((v) => v.version)).toEqual([2, 1]);
      expect(await flows.getVersion('f1', 1)).toMatchObject({ graph, savedByName: 'Ada', summary: 'Created' });
      expect(await flows.getVersion('f1', 9)).toBeUndefined();
      await flows.deleteVersionsUpTo('f1', 2);
      expect((await flows.versions('f1', 10)).map((v) => v.version)).toEqual([4, 3]);
      await flows.delete('f1');
      expect(await flows.versions('f1', 10)).toEqual([]);
    });

    it('custom steps: insert(s) with their script index, lookups, update, reindex, delete (index rows go with it)', async () => {
      const { store } = await seeded();
      const { customSteps, usage, workflows } = store.repos;
      await workflows.insert({ id: 'w2', name: 'Other' });
      expect(await customSteps.any()).toBe(false);
      const ref = (customStepId: string, endpointName: string, occurrences = 1) => ({ customStepId, workflowId: 'w1', endpointNameKey: endpointName.toLowerCase(), endpointName, occurrences });
      await customSteps.insert(customStep('s2', 'Beta', { scriptIndexVersion: 0 }), [ref('s2', 'API', 2)]);
      await customSteps.insertMany([customStep('s1', 'alpha'), customStep('s3', 'Beta', { workflowId: 'w2' })], [ref('s1', 'API')]);
      await customSteps.insertMany([], []);
      expect(await customSteps.any()).toBe(true);

      expect(await customSteps.get('s2')).toEqual(customStep('s2', 'Beta', { scriptIndexVersion: 0 }));
      expect(await customSteps.get('nope')).toBeUndefined();
      expect((await customSteps.listByWorkflow('w1')).map((s) => s.id)).toEqual(['s1', 's2']);
      expect((await customSteps.inWorkflow('w2')).map((s) => s.id)).toEqual(['s3']);
      expect((await customSteps.findByNameKey('w1', 'beta'))?.id).toBe('s2');
      expect([...(await customSteps.existingIds('w1', ['s1', 's3']))]).toEqual(['s1']);
      expect((await customSteps.existingIds('w1', [])).size).toBe(0);
      expect((await customSteps.indexedBefore(1)).map((s) => s.id)).toEqual(['s2']);
      expect(await usage.endpointScripts('w1', 'api')).toEqual([
        { customStepId: 's1', customStepName: 'alpha', occurrences: 1, nameKey: 'alpha' },
        { customStepId: 's2', customStepName: 'Beta', occurrences: 2, nameKey: 'beta' },
      ]);

      await customSteps.update('s2', { scriptIndexVersion: 1, updatedAt: later }, [ref('s2', 'Other')]);
      expect(await customSteps.get('s2')).toMatchObject({ scriptIndexVersion: 1, updatedAt: later, name: 'Beta' });
      expect(await customSteps.indexedBefore(1)).toEqual([]);
      expect(await usage.endpointScripts('w1', 'api')).toEqual([{ customStepId: 's1', customStepName: 'alpha', occurrences: 1, nameKey: 'alpha' }]);
      await customSteps.update('s2', { definition: { ...definition, name: 'Beta', script: 'x' } }, []);
      expect((await customSteps.get('s2'))?.definition.script).toBe('x');
      expect(await usage.endpointScripts('w1', 'other')).toEqual([]);

      await customSteps.delete('s1');
      expect(await customSteps.get('s1')).toBeUndefined();
      expect(await usage.endpointScripts('w1', 'api')).toEqual([]);
    });

    it('integrations: insert(s) with their script index, lookups, update, usage, log pages, log pruning, delete (index and log go with it)', async () => {
      const { store } = await seeded();
      const { integrations, workflows } = store.repos;
      await workflows.insert({ id: 'w2', name: 'Other' });
      const ref = (integrationId: string, endpointName: string, occurrences = 1) => ({ integrationId, workflowId: 'w1', endpointNameKey: endpointName.toLowerCase(), endpointName, occurrences });
      await integrations.insert(integration('i2', 'Beta'), [ref('i2', 'API', 2)]);
      await integrations.insertMany([integration('i1', 'alpha', { kind: 'outbound', tokenHash: null, tokenCreatedAt: null }), integration('i3', 'Beta', { workflowId: 'w2' })], [ref('i1', 'API')]);
      await integrations.insertMany([], []);
      expect(await integrations.get('i2')).toEqual(integration('i2', 'Beta'));
      expect(await integrations.get('nope')).toBeUndefined();
      expect((await integrations.listByWorkflow('w1')).map((i) => i.id)).toEqual(['i1', 'i2']);
      expect((await integrations.findByNameKey('w2', 'beta'))?.id).toBe('i3');
      expect(await integrations.ids()).toEqual(['i1', 'i2', 'i3']);
      await store.repos.flows.insert(flow('f1', 'Orders'));
      await store.repos.flows.insert(flow('f2', 'Orders', { createdAt: later }));
      expect(await store.repos.flows.idsByName('w1', 'Orders')).toEqual(['f1', 'f2']);
      expect(await store.repos.flows.idsByName('w1', 'orders')).toEqual([]);
      expect(await integrations.endpointScripts('w1', 'api')).toEqual([
        { integrationId: 'i1', integrationName: 'alpha', occurrences: 1, nameKey: 'alpha' },
        { integrationId: 'i2', integrationName: 'Beta', occurrences: 2, nameKey: 'beta' },
      ]);
      expect(await integrations.endpointScripts('w1', 'api', { limit: 5, after: { nameKey: 'alpha', integrationId: 'i1' } })).toHaveLength(1);
      expect([...(await integrations.endpointScriptCounts('w1', ['api', 'none']))]).toEqual([['api', 2]]);
      expect((await integrations.endpointScriptCounts('w1', [])).size).toBe(0);

      await integrations.update('i2', { tokenHash: 'def', updatedAt: later }, [ref('i2', 'Other')]);
      expect(await integrations.get('i2')).toMatchObject({ tokenHash: 'def', updatedAt: later, name: 'Beta' });
      expect(await integrations.endpointScripts('w1', 'api')).toHaveLength(1);

      await integrations.addLogEntry(logEntry('l1', 'i2', at));
      await integrations.addLogEntry(logEntry('l2', 'i2', later, { outcome: 'failed', error: { code: 'SCRIPT_ERROR', message: 'boom' }, status: 422 }));
      await integrations.addLogEntry(logEntry('l3', 'i2', later, { kind: 'outbound', method: null, event: 'run.failed', sourceRunId: 'r9', caller: null, bodyTruncated: true }));
      expect(await integrations.logPage('i2', 10)).toEqual([logEntry('l3', 'i2', later, { kind: 'outbound', method: null, event: 'run.failed', sourceRunId: 'r9', caller: null, bodyTruncated: true }), logEntry('l2', 'i2', later, { outcome: 'failed', error: { code: 'SCRIPT_ERROR', message: 'boom' }, status: 422 }), logEntry('l1', 'i2', at)]);
      expect((await integrations.logPage('i2', 1, { at: later, id: 'l3' })).map((e) => e.id)).toEqual(['l2']);
      expect(await integrations.logPositionAt('i2', 1)).toEqual({ at: later, id: 'l2' });
      expect(await integrations.logPositionAt('i2', 5)).toBeUndefined();
      expect(await integrations.deleteLogEntries('i2', { before: later }, 10)).toBe(1);
      expect(await integrations.deleteLogEntries('i2', { atOrOlderThan: { at: later, id: 'l2' } }, 10)).toBe(1);
      expect((await integrations.logPage('i2', 10)).map((e) => e.id)).toEqual(['l3']);

      // Rate windows: counted per integration and minute; a later minute starts again, an earlier one counts in the current.
      const minute = (m: number) => `2026-01-01T00:0${m}:00.000Z`;
      expect(await Promise.all([1, 2, 3].map(() => integrations.countInRateWindow('i2', minute(1))))).toEqual(expect.arrayContaining([1, 2, 3]));
      expect(await integrations.countInRateWindow('i1', minute(1))).toBe(1);
      expect(await integrations.countInRateWindow('i2', minute(0))).toBe(4);
      expect(await integrations.countInRateWindow('i2', minute(2))).toBe(1);
      expect(await integrations.countInRateWindow('i2', minute(2))).toBe(2);

      await integrations.delete('i2');
      expect(await integrations.get('i2')).toBeUndefined();
      expect(await integrations.logPage('i2', 10)).toEqual([]);
      expect(await integrations.endpointScripts('w1', 'other')).toEqual([]);
    });

    it('usage: steps and scripts per endpoint, counts per endpoint and per custom step', async () => {
      const { store } = await seeded();
      const { flows, endpoints, customSteps, usage } = store.repos;
      await endpoints.insertMany([endpoint('e1', 'API'), endpoint('e2', 'Other'), endpoint('e3', 'Unused')]);
      await customSteps.insertMany(
        [customStep('s1', 'B step'), customStep('s2', 'A step')],
        [
          { customStepId: 's1', workflowId: 'w1', endpointNameKey: 'api', endpointName: 'API', occurrences: 3 },
          { customStepId: 's2', workflowId: 'w1', endpointNameKey: 'api', endpointName: 'api', occurrences: 1 },
        ],
      );
      await flows.insertMany(
        [flow('f1', 'Zed'), flow('f2', 'Abe')],
        [
          { endpointId: 'e1', flowId: 'f1', nodeId: 'n1', stepName: 'Call' },
          { endpointId: 'e1', flowId: 'f2', nodeId: 'n2', stepName: 'Call' },
          { endpointId: 'e2', flowId: 'f2', nodeId: 'n3', stepName: 'Other call' },
        ],
        [
          { customStepId: 's1', flowId: 'f1', nodeId: 'n4', stepName: 'Mine' },
          { customStepId: 's1', flowId: 'f2', nodeId: 'n5', stepName: 'Mine too' },
        ],
      );
      expect(await usage.endpointSteps('e1')).toEqual([
        { flowId: 'f2', flowName: 'Abe', nodeId: 'n2', stepName: 'Call' },
        { flowId: 'f1', flowName: 'Zed', nodeId: 'n1', stepName: 'Call' },
      ]);
      expect((await usage.endpointScripts('w1', 'api')).map((s) => s.customStepName)).toEqual(['A step', 'B step']);
      // Pages: keyset after the last one seen.
      expect(await usage.endpointSteps('e1', { limit: 1 })).toEqual([{ flowId: 'f2', flowName: 'Abe', nodeId: 'n2', stepName: 'Call' }]);
      expect(await usage.endpointSteps('e1', { limit: 5, after: { flowId: 'f2', flowName: 'Abe', nodeId: 'n2', stepName: 'Call' } })).toEqual([
        { flowId: 'f1', flowName: 'Zed', nodeId: 'n1', stepName: 'Call' },
      ]);
      expect((await usage.endpointScripts('w1', 'api', { limit: 1 })).map((s) => s.customStepId)).toEqual(['s2']);
      expect((await usage.endpointScripts('w1', 'api', { limit: 5, after: { nameKey: 'a step', customStepId: 's2' } })).map((s) => s.customStepId)).toEqual(['s1']);
      expect(await usage.endpointUseCounts({ id: 'e1', workflowId: 'w1', nameKey: 'api' })).toEqual({ steps: 2, scripts: 2 });
      expect(await usage.endpointUseCounts({ id: 'e3', workflowId: 'w1', nameKey: 'unused' })).toEqual({ steps: 0, scripts: 0 });
      const keys = [endpoint('e1', 'API'), endpoint('e2', 'Other'), endpoint('e3', 'Unused')].map((e) => ({ id: e.id, workflowId: e.workflowId, nameKey: e.nameKey }));
      expect(Object.fromEntries(await usage.endpointCounts(keys))).toEqual({ e1: 4, e2: 1, e3: 0 });
      expect((await usage.endpointCounts([])).size).toBe(0);
      expect(await usage.customStepSteps('s1')).toEqual([
        { flowId: 'f2', flowName: 'Abe', nodeId: 'n5', stepName: 'Mine too' },
        { flowId: 'f1', flowName: 'Zed', nodeId: 'n4', stepName: 'Mine' },
      ]);
      expect(Object.fromEntries(await usage.customStepCounts(['s1', 's2']))).toEqual({ s1: 2 });
      expect((await usage.customStepCounts([])).size).toBe(0);
      // The built-in endpoint's steps: its own index rows and the instances of the given custom steps, in one order, paged.
      expect(await usage.builtinSteps('e1', [])).toEqual(await usage.endpointSteps('e1'));
      expect(await usage.builtinSteps('e1', ['s1'])).toEqual([
        { flowId: 'f2', flowName: 'Abe', nodeId: 'n2', stepName: 'Call' },
        { flowId: 'f2', flowName: 'Abe', nodeId: 'n5', stepName: 'Mine too' },
        { flowId: 'f1', flowName: 'Zed', nodeId: 'n1', stepName: 'Call' },
        { flowId: 'f1', flowName: 'Zed', nodeId: 'n4', stepName: 'Mine' },
      ]);
      expect(await usage.builtinSteps('e1', ['s1'], { limit: 2, after: { flowId: 'f2', flowName: 'Abe', nodeId: 'n5', stepName: 'Mine too' } })).toEqual([
        { flowId: 'f1', flowName: 'Zed', nodeId: 'n1', stepName: 'Call' },
        { flowId: 'f1', flowName: 'Zed', nodeId: 'n4', stepName: 'Mine' },
      ]);
      // A custom step in use cannot go (custom_step_refs restricts it); an endpoint in use neither.
      await expect(customSteps.delete('s1')).rejects.toThrow();
      await expect(endpoints.delete('e1')).rejects.toThrow();
    });

    it('constants and libraries: insert(s), lookups, lists, update, delete', async () => {
      const { store } = await seeded();
      const { constants, libraries } = store.repos;
      const constant = (id: string, name: string, value: string) => ({ id, workflowId: 'w1', name, nameKey: name.toLowerCase(), value, createdAt: at, updatedAt: at });
      await constants.insert(constant('c2', 'Beta', 'b'));
      await constants.insertMany([constant('c1', 'alpha', 'a')]);
      await constants.insertMany([]);
      expect(await constants.get('c1')).toEqual(constant('c1', 'alpha', 'a'));
      expect(await constants.get('nope')).toBeUndefined();
      expect((await constants.getInWorkflow('w1', 'c2'))?.value).toBe('b');
      expect(await constants.getInWorkflow('w2', 'c2')).toBeUndefined();
      expect((await constants.findByNameKey('w1', 'beta'))?.id).toBe('c2');
      expect((await constants.listByWorkflow('w1')).map((c) => c.id)).toEqual(['c1', 'c2']);
      expect((await constants.inWorkflow('w1')).map((c) => c.id).sort()).toEqual(['c1', 'c2']);
      await constants.update({ ...constant('c2', 'Gamma', 'g'), updatedAt: later });
      expect(await constants.get('c2')).toEqual({ ...constant('c2', 'Gamma', 'g'), updatedAt: later });
      await constants.delete('c2');
      expect(await constants.get('c2')).toBeUndefined();

      const library = (id: string, name: string, source: string) => ({ id, workflowId: 'w1', name, nameKey: name.toLowerCase(), source, createdAt: at, updatedAt: at });
      await libraries.insert(library('l2', 'Beta', 'exports.b = 1;'));
      await libraries.insertMany([library('l1', 'alpha', 'exports.a = 1;')]);
      await libraries.insertMany([]);
      expect(await libraries.get('l1')).toEqual(library('l1', 'alpha', 'exports.a = 1;'));
      expect(await libraries.get('nope')).toBeUndefined();
      expect((await libraries.getInWorkflow('w1', 'l2'))?.source).toBe('exports.b = 1;');
      expect(await libraries.getInWorkflow('w2', 'l2')).toBeUndefined();
      expect((await libraries.findByNameKey('w1', 'beta'))?.id).toBe('l2');
      expect(await libraries.summaries('w1')).toEqual([
        { id: 'l1', workflowId: 'w1', name: 'alpha', updatedAt: at },
        { id: 'l2', workflowId: 'w1', name: 'Beta', updatedAt: at },
      ]);
      expect((await libraries.inWorkflow('w1')).map((l) => l.source).sort()).toEqual(['exports.a = 1;', 'exports.b = 1;']);
      await libraries.update({ ...library('l2', 'Beta', 'exports.b = 2;'), updatedAt: later });
      expect((await libraries.get('l2'))?.source).toBe('exports.b = 2;');
      await libraries.delete('l2');
      expect(await libraries.get('l2')).toBeUndefined();
    });

    it('users: insert (and only if the email is free), lookups, list and search by name, update', async () => {
      const { store } = await open();
      const { users } = store.repos;
      expect(await users.any()).toBe(false);
      await users.insert(user('u1', 'zoe', { email: 'zoe@example.com', passwordHash: 'hash' }));
      expect(await users.insertIfEmailFree(user('u2', 'Ada', { email: 'ada_x%@example.com', role: 'developer' }))).toBe(true);
      expect(await users.insertIfEmailFree(user('u3', 'Other', { email: 'zoe@example.com' }))).toBe(false);
      await users.insert(user('u4', 'Bob', { disabled: true }));
      expect(await users.any()).toBe(true);
      expect(await users.get('u1')).toEqual(user('u1', 'zoe', { email: 'zoe@example.com', passwordHash: 'hash' }));
      expect(await users.get('u3')).toBeUndefined();
      expect((await users.findByEmail('ada_x%@example.com'))?.id).toBe('u2');
      expect(await users.findByEmail('ZOE@example.com')).toBeUndefined();
      expect(await users.countEnabledAdminsOtherThan('u2')).toBe(1);
      expect(await users.countEnabledAdminsOtherThan('u1')).toBe(0);
      expect((await users.list()).map((u) => u.id)).toEqual(['u2', 'u4', 'u1']);

      const search = async (needle: string, onlyId?: string) => (await users.search(needle, { limit: 2, ...(onlyId === undefined ? {} : { onlyId }) })).map((u) => u.id);
      expect(await search('')).toEqual(['u2', 'u4']);
      // Names case-insensitively (the needle comes lower-cased), emails too.
      expect(await search('bo')).toEqual(['u4']);
      expect(await search('zoe')).toEqual(['u1']);
      expect(await search('u4@')).toEqual(['u4']);
      // Wildcards in the text match only themselves.
      expect(await search('_x%')).toEqual(['u2']);
      expect(await search('%')).toEqual(['u2']);
      expect(await search('_')).toEqual(['u2']);
      expect(await search('o', 'u1')).toEqual(['u1']);

      await users.update('u4', { name: 'Bobby', disabled: false, role: 'rest', updatedAt: later });
      expect(await users.get('u4')).toMatchObject({ name: 'Bobby', disabled: false, role: 'rest', updatedAt: later });
    });

    it('run credentials: insert, find while live, delete a run\'s, delete the expired', async () => {
      const { store } = await seeded();
      const { runCredentials } = store.repos;
      const credential = (tokenHash: string, runId: string, expiresAt: string) => ({ tokenHash, runId, userId: 'u1', createdAt: at, expiresAt });
      await runCredentials.insert(credential('h1', 'r1', later));
      await runCredentials.insert(credential('h2', 'r1', later));
      await runCredentials.insert(credential('h3', 'r2', '2024-01-01T00:10:00.000Z'));
      expect(await runCredentials.findLive('h1', at)).toEqual(credential('h1', 'r1', later));
      expect(await runCredentials.findLive('h1', later)).toBeUndefined();
      expect(await runCredentials.findLive('nope', at)).toBeUndefined();
      await runCredentials.deleteForRun('r1');
      expect(await runCredentials.findLive('h2', at)).toBeUndefined();
      expect(await runCredentials.findLive('h3', at)).toBeDefined();
      await runCredentials.deleteExpired('2024-01-01T00:10:00.000Z');
      expect(await runCredentials.findLive('h3', at)).toBeUndefined();
    });

    it('endpoint tokens: put replaces, delete only the rejected value, go with the endpoint', async () => {
      const { store } = await seeded();
      const { endpointTokens, endpoints } = store.repos;
      await endpoints.insert(endpoint('e1', 'API'));
      const token = (cacheKey: string, sealed: string, valueHash: string) => ({ cacheKey, endpointId: 'e1', sealed, valueHash, updatedAt: at });
      await endpointTokens.put(token('e1:a', 's1', 'v1'));
      await endpointTokens.put(token('e1:a', 's2', 'v2'));
      await endpointTokens.put(token('e1:b', 's3', 'v3'));
      expect(await endpointTokens.get('e1:a')).toEqual(token('e1:a', 's2', 'v2'));
      await endpointTokens.deleteIfValue('e1:a', 'v1');
      expect(await endpointTokens.get('e1:a')).toBeDefined();
      await endpointTokens.deleteIfValue('e1:a', 'v2');
      expect(await endpointTokens.get('e1:a')).toBeUndefined();
      await endpointTokens.deleteForEndpoint('e1');
      expect(await endpointTokens.get('e1:b')).toBeUndefined();
      await endpointTokens.put(token('e1:c', 's4', 'v4'));
      await endpoints.delete('e1');
      expect(await endpointTokens.get('e1:c')).toBeUndefined();
    });

    it('sign-in failures: count up, start afresh after a quiet spell, delete, prune old and surplus', async () => {
      const { store } = await open();
      const { signInFailures } = store.repos;
      const minute = (n: number) => `2024-01-01T00:${String(n).padStart(2, '0')}:00.000Z`;
      await signInFailures.recordFailure('a', minute(1), minute(0));
      await signInFailures.recordFailure('a', minute(2), minute(0));
      await Promise.all([signInFailures.recordFailure('a', minute(3), minute(0)), signInFailures.recordFailure('a', minute(3), minute(0))]);
      expect(await signInFailures.get('a')).toEqual({ key: 'a', failures: 4, lastFailureAt: minute(3) });
      await signInFailures.recordFailure('a', minute(30), minute(10));
      expect(await signInFailures.get('a')).toEqual({ key: 'a', failures: 1, lastFailureAt: minute(30) });
      await signInFailures.recordFailure('b', minute(5), minute(0));
      await signInFailures.recordFailure('c', minute(6), minute(0));
      await signInFailures.recordFailure('d', minute(7), minute(0));
      expect((await signInFailures.getMany(['a', 'b', 'x'])).map((row) => row.key).sort()).toEqual(['a', 'b']);
      expect(await signInFailures.getMany([])).toEqual([]);
      await signInFailures.delete('d');
      expect(await signInFailures.get('d')).toBeUndefined();
      await signInFailures.recordFailure('e', minute(8), minute(0));
      await signInFailures.prune(minute(6), 2);
      expect((await signInFailures.getMany(['a', 'b', 'c', 'e'])).map((row) => row.key).sort()).toEqual(['a', 'e']);
    });

    it('run queue stats: how many runs are recorded running, and the oldest one\'s start', async () => {
      const { store } = await seeded();
      const nowMs = Date.parse(later);
      expect(await store.repos.runQueueStats.read(nowMs)).toEqual({ depth: 0, oldestStartedAt: null });
      await store.repos.flows.insert(flow('f1', 'Flow'));
      await store.runRecords.write({
        runs: [
          run('q1', 'f1', later, { status: 'running' }),
          run('q2', 'f1', at, { status: 'running' }),
          run('q3', 'f1', '2023-01-01T00:00:00.000Z'),
          // Leased: one worker holds it (not waiting); the other's lease lapsed (waiting again).
          run('q4', 'f1', '2023-06-01T00:00:00.000Z', { status: 'running', leaseOwner: 'w1', leaseUntil: nowMs + 1 }),
          run('q5', 'f1', '2023-07-01T00:00:00.000Z', { status: 'running', leaseOwner: 'w2', leaseUntil: nowMs - 1 }),
        ],
        steps: [],
        runUpdates: [],
      });
      expect(await store.repos.runQueueStats.read(nowMs)).toEqual({ depth: 3, oldestStartedAt: '2023-07-01T00:00:00.000Z' });
    });

    it('sessions: insert, read with the user, move the expiry, delete one, all of a user, and the ended ones', async () => {
      const { store } = await seeded();
      const { sessions, users } = store.repos;
      await users.insert(user('u2', 'Bob'));
      const session = (id: string, userId: string, expiresAt: string) => ({ id, userId, createdAt: at, expiresAt, absoluteExpiresAt: '2024-02-01T00:00:00.000Z' });
      await sessions.insert(session('a', 'u1', '2024-01-10T00:00:00.000Z'));
      await sessions.insert(session('b', 'u1', '2024-01-03T00:00:00.000Z'));
      await sessions.insert(session('c', 'u2', '2024-01-10T00:00:00.000Z'));
      expect(await sessions.getWithUser('a')).toEqual({ session: session('a', 'u1', '2024-01-10T00:00:00.000Z'), user: user('u1', 'Ada') });
      expect(await sessions.getWithUser('nope')).toBeUndefined();
      await sessions.setExpiresAt('a', '2024-01-20T00:00:00.000Z');
      expect((await sessions.getWithUser('a'))?.session.expiresAt).toBe('2024-01-20T00:00:00.000Z');
      expect(await sessions.deleteEndedBy('2024-01-05T00:00:00.000Z')).toBe(1);
      expect(await sessions.getWithUser('b')).toBeUndefined();
      await sessions.delete('a');
      expect(await sessions.getWithUser('a')).toBeUndefined();
      await sessions.deleteForUser('u2');
      expect(await sessions.getWithUser('c')).toBeUndefined();
    });

    it('API keys: insert, read with the user, list newest first, revoke, revoke all, mark used', async () => {
      const { store } = await seeded();
      const { apiKeys } = store.repos;
      const key = (id: string, createdAt: string) => ({ id, userId: 'u1', name: id, prefix: 'fy_abc', keyHash: `hash-${id}`, createdAt, lastUsedAt: null, revokedAt: null });
      await apiKeys.insert(key('k1', at));
      await apiKeys.insert(key('k2', later));
      await apiKeys.insert(key('k3', '2024-01-03T00:00:00.000Z'));
      await expect(apiKeys.insert({ ...key('k4', at), keyHash: 'hash-k1' })).rejects.toThrow();
      expect(await apiKeys.get('k1')).toEqual(key('k1', at));
      expect(await apiKeys.get('nope')).toBeUndefined();
      expect(await apiKeys.findWithUser('hash-k2')).toEqual({ apiKey: key('k2', later), user: user('u1', 'Ada') });
      expect(await apiKeys.findWithUser('nope')).toBeUndefined();
      expect((await apiKeys.listForUser('u1')).map((k) => k.id)).toEqual(['k3', 'k2', 'k1']);
      await apiKeys.markUsed('k1', later);
      await apiKeys.revoke('k2', at);
      await apiKeys.revokeAllOf('u1', later);
      expect(await apiKeys.get('k1')).toMatchObject({ lastUsedAt: later, revokedAt: later });
      // Already revoked: keeps the time it was revoked.
      expect((await apiKeys.get('k2'))?.revokedAt).toBe(at);
    });

    it('runs: a lease is claimed by one owner, renewed by it, and taken by another only once it lapsed', async () => {
      const { store } = await seeded();
      const { flows, runs } = store.repos;
      await flows.insertMany([flow('f1', 'A')], [], []);
      await store.runRecords.write({ runs: [run('r1', 'f1', at, { status: 'running' }), run('r2', 'f1', at)], steps: [], runUpdates: [] });
      expect(await runs.claimLease('r1', 2, 'w1', 2_000, 1_000)).toBe(false); // not that attempt
      expect(await runs.claimLease('r2', 1, 'w1', 2_000, 1_000)).toBe(false); // not running
      expect(await runs.claimLease('r1', 1, 'w1', 2_000, 1_000)).toBe(true);
      expect(await runs.claimLease('r1', 1, 'w2', 2_500, 1_500)).toBe(false); // held until 2,000
      expect(await runs.renewLeases('w1', 3_000)).toEqual(['r1']);
      expect(await runs.renewLeases('w2', 3_000)).toEqual([]);
      expect(await runs.claimLease('r1', 1, 'w2', 4_000, 3_001)).toBe(true); // lapsed
      expect(await runs.renewLeases('w1', 5_000)).toEqual([]);
      expect((await runs.get('r1'))?.run).toMatchObject({ leaseOwner: 'w2', leaseUntil: 4_000, attempt: 1 });
    });

    it('settings: put replaces, get reads the JSON value back', async () => {
      const { store } = await open();
      const { settings } = store.repos;
      expect(await settings.get('run-retention')).toBeUndefined();
      await settings.put({ key: 'run-retention', value: { maxAgeDays: 3, maxRunsPerFlow: null }, updatedAt: at });
      await settings.put({ key: 'run-retention', value: { maxAgeDays: null, maxRunsPerFlow: 5 }, updatedAt: later });
      expect(await settings.get('run-retention')).toEqual({ key: 'run-retention', value: { maxAgeDays: null, maxRunsPerFlow: 5 }, updatedAt: later });
    });

    it('step tests: insert keeps the newest few per step, list reads them newest first', async () => {
      const { store } = await seeded();
      const { flows, stepTests } = store.repos;
      await flows.insertMany([flow('f1', 'A')], [], []);
      const record = { id: 's', runId: 'test', nodeId: 'n1', stepType: 'http-request', name: 'Call', status: 'succeeded' as const, startedAt: at, finishedAt: at, durationMs: 1, inputs: {}, outputs: { status: 200 }, exchanges: [], logs: [], error: null, attempt: 1, nextHandle: null, replayedFrom: null };
      const test = (id: string, nodeId: string, startedAt: string) => ({ id, flowId: 'f1', nodeId, userId: 'u1', startedAt, upstream: { Start: 'run' as const }, record: { ...record, id } });
      await stepTests.insert(test('t1', 'n1', '2024-01-01T00:00:01.000Z'), 2);
      await stepTests.insert(test('t2', 'n1', '2024-01-01T00:00:02.000Z'), 2);
      await stepTests.insert(test('other', 'n2', '2024-01-01T00:00:02.500Z'), 2);
      await stepTests.insert(test('t3', 'n1', '2024-01-01T00:00:03.000Z'), 2);
      expect((await stepTests.list('f1', 'n1', 10)).map((row) => row.id)).toEqual(['t3', 't2']);
      expect(await stepTests.list('f1', 'n2', 10)).toEqual([test('other', 'n2', '2024-01-01T00:00:02.500Z')]);
    });

    it('runs: pages newest first (ties by id), one run with its steps, marks runs interrupted, prunes', async () => {
      const { store } = await seeded();
      const { flows, runs } = store.repos;
      await flows.insertMany([flow('f1', 'A'), flow('f2', 'B')], [], []);
      await store.runRecords.write({
        runs: [run('r1', 'f1', at), run('r2', 'f1', later), run('r3', 'f1', later), run('r4', 'f1', '2024-01-03T00:00:00.000Z', { status: 'running' }), run('x', 'f2', at)],
        steps: [step('s2', 'r4', 'running', { startedAt: later }), step('s1', 'r4', 'succeeded', { startedAt: later }), step('s3', 'r1', 'running')],
        runUpdates: [],
      });

      expect(await runs.latestByFlow([])).toEqual(new Map());
      const latest = await runs.latestByFlow(['f1', 'nope']);
      expect([...latest.keys()]).toEqual(['f1']);
      expect(latest.get('f1')).toEqual({ status: 'running', startedAt: '2024-01-03T00:00:00.000Z', finishedAt: null });
      const page = await runs.list({ flowId: 'f1' }, 2);
      expect(page.map((row) => row.run.id)).toEqual(['r4', 'r3']);
      expect(page[0]).toEqual({ run: { ...run('r4', 'f1', '2024-01-03T00:00:00.000Z', { status: 'running' }), payload: undefined }, actedAs: { id: 'u1', name: 'Ada', email: 'u1@example.com' } });
      expect(page[0]?.run).not.toHaveProperty('payload');
      expect((await runs.list({ flowId: 'f1' }, 10, { startedAt: later, id: 'r3' })).map((row) => row.run.id)).toEqual(['r2', 'r1']);
      const record = await runs.get('r4');
      expect(record?.run).toEqual(run('r4', 'f1', '2024-01-03T00:00:00.000Z', { status: 'running' }));
      expect(record?.actedAs).toEqual({ id: 'u1', name: 'Ada', email: 'u1@example.com' });
      expect(record?.steps.map((s) => s.id)).toEqual(['s1', 's2']);
      expect(record?.steps[0]).toEqual(step('s1', 'r4', 'succeeded', { startedAt: later }));
      expect(await runs.get('nope')).toBeUndefined();

      const error = { code: 'RUN_INTERRUPTED' as const, message: 'stopped', details: {} };
      expect(await runs.markInterrupted(later, error, 'r1')).toBe(0);
      expect((await runs.get('r1'))?.steps[0]).toMatchObject({ status: 'interrupted', finishedAt: later, error });
      expect((await runs.get('r4'))?.steps.find((s) => s.id === 's2')?.status).toBe('running');
      expect(await runs.markInterrupted(later, error)).toBe(1);
      expect((await runs.get('r4'))?.run).toMatchObject({ status: 'interrupted', finishedAt: later, error });
      expect((await runs.get('r4'))?.steps.map((s) => s.status)).toEqual(['succeeded', 'interrupted']);
      expect(await runs.markInterrupted(later, error)).toBe(0);

      expect(await runs.positionAt('f1', 1)).toEqual({ startedAt: later, id: 'r3' });
      expect(await runs.positionAt('f1', 4)).toBeUndefined();
      await store.runRecords.write({ runs: [run('r5', 'f1', at, { status: 'running' })], steps: [], runUpdates: [] });
      // Oldest first, never a running run, at most the limit.
      expect(await runs.deleteFinished('f1', { startedBefore: later }, 10)).toBe(1);
      expect((await runs.list({ flowId: 'f1' }, 10)).map((row) => row.run.id)).toEqual(['r4', 'r3', 'r2', 'r5']);
      expect(await runs.deleteFinished('f1', { atOrOlderThan: { startedAt: later, id: 'r3' } }, 1)).toBe(1);
      expect((await runs.list({ flowId: 'f1' }, 10)).map((row) => row.run.id)).toEqual(['r4', 'r3', 'r5']);
      expect(await runs.deleteFinished('f1', { atOrOlderThan: { startedAt: '2024-01-03T00:00:00.000Z', id: 'r4' } }, 10)).toBe(2);
      expect((await runs.list({ flowId: 'f1' }, 10)).map((row) => row.run.id)).toEqual(['r5']);
      expect((await runs.list({ flowId: 'f2' }, 10)).map((row) => row.run.id)).toEqual(['x']);
    });

    it('runs: lists by flow or workflow, filtered by status, trigger, user and start time; counts; finds re-runs', async () => {
      const { store } = await seeded();
      const { flows, runs, users } = store.repos;
      await users.insert(user('u2', 'Bob'));
      await flows.insertMany([flow('f1', 'A'), flow('f2', 'B')], [], []);
      const day = (d: number) => `2024-01-0${d}T00:00:00.000Z`;
      await store.runRecords.write({
        runs: [
          run('a1', 'f1', day(1)),
          run('a2', 'f1', day(2), { status: 'failed', triggerType: 'http' }),
          run('a3', 'f1', day(3), { userId: 'u2', rerunOf: 'a2', rerunFromNodeId: 'n' }),
          run('a4', 'f1', day(4), { status: 'failed', userId: 'u2', rerunOf: 'a2' }),
          run('b1', 'f2', day(5), { status: 'failed' }),
        ],
        steps: [],
        runUpdates: [],
      });
      const ids = async (filter: Parameters<typeof runs.list>[0]) => (await runs.list(filter, 10)).map((row) => row.run.id);
      expect(await ids({ workflowId: 'w1' })).toEqual(['b1', 'a4', 'a3', 'a2', 'a1']);
      expect(await ids({ workflowId: 'w1', status: 'failed' })).toEqual(['b1', 'a4', 'a2']);
      expect(await ids({ flowId: 'f1', status: 'failed' })).toEqual(['a4', 'a2']);
      expect(await ids({ flowId: 'f1', trigger: 'http' })).toEqual(['a2']);
      expect(await ids({ flowId: 'f1', userId: 'u2', status: 'succeeded' })).toEqual(['a3']);
      expect(await ids({ workflowId: 'w1', startedFrom: day(2), startedBefore: day(4) })).toEqual(['a3', 'a2']);
      expect((await runs.list({ flowId: 'f1' }, 1, { startedAt: day(3), id: 'a3' })).map((row) => row.run.id)).toEqual(['a2']);
      expect(await runs.count({ flowId: 'f1' })).toBe(4);
      expect(await runs.count({ workflowId: 'w1', status: 'failed' })).toBe(3);
      expect(await runs.count({ workflowId: 'w2' })).toBe(0);
      expect(await runs.reruns('a2', 10)).toEqual([
        { id: 'a4', status: 'failed', startedAt: day(4), fromNodeId: null },
        { id: 'a3', status: 'succeeded', startedAt: day(3), fromNodeId: 'n' },
      ]);
      expect(await runs.reruns('a1', 10)).toEqual([]);
    });
  });

  describe(`${name}: run records`, () => {
    it('writes a batch: new runs, steps inserted or replaced, changes to older runs; JSON null kept as JSON', async () => {
      const { store, sql } = await seeded();
      await store.repos.flows.insert(flow('f1', 'A'));
      await store.runRecords.write({ runs: [run('r1', 'f1', at, { status: 'running', payload: null })], steps: [step('s1', 'r1', 'running')], runUpdates: [] });
      // The payload is the JSON value null (a NOT NULL column), the run's error an SQL NULL until it has one.
      expect(await sql.query('SELECT id FROM runs WHERE payload IS NULL')).toEqual([]);
      expect(await sql.query('SELECT id FROM runs WHERE error IS NULL')).toEqual([{ id: 'r1' }]);
      const done = { status: 'failed' as const, finishedAt: later, durationMs: 1.5, error: { code: 'HTTP_TIMEOUT' as const, message: 'slow', details: { n: [1, null] } } };
      const finished = step('s1', 'r1', 'succeeded', { finishedAt: later, durationMs: 2.25, outputs: { status: 200, body: { ok: true, none: null } }, exchanges: [] });
      await store.runRecords.write({ runs: [run('r2', 'f1', later, done)], steps: [finished, step('s2', 'r2', 'succeeded')], runUpdates: [{ id: 'r1', set: done }] });
      expect(await store.repos.runs.get('r1')).toEqual({ run: { ...run('r1', 'f1', at, { payload: null }), ...done }, actedAs: { id: 'u1', name: 'Ada', email: 'u1@example.com' }, steps: [finished] });
      expect((await store.repos.runs.get('r2'))?.run).toEqual(run('r2', 'f1', later, done));
      expect(await sql.query('SELECT id FROM runs WHERE error IS NULL')).toEqual([]);
    });

    it('writes nothing of a batch that fails', async () => {
      const { store } = await seeded();
      await store.repos.flows.insert(flow('f1', 'A'));
      await expect(store.runRecords.write({ runs: [run('r1', 'f1', at)], steps: [step('s1', 'gone', 'running')], runUpdates: [] })).rejects.toThrow();
      expect(await store.repos.runs.get('r1')).toBeUndefined();
      await store.runRecords.write({ runs: [], steps: [], runUpdates: [] });
    });
  });

  describe(`${name}: units of work`, () => {
    it('commit their writes together, return what the work returns, then run afterCommit callbacks in order', async () => {
      const { store } = await seeded();
      const order: string[] = [];
      const result = await store.unitOfWork(async (tx) => {
        await tx.repos.endpoints.insert(endpoint('e1', 'A'));
        await tx.repos.flows.insert(flow('f1', 'F'));
        tx.afterCommit(() => order.push('first'));
        tx.afterCommit(() => order.push('second'));
        order.push('work done');
        return 'result';
      });
      expect(result).toBe('result');
      expect(order).toEqual(['work done', 'first', 'second']);
      expect((await store.repos.endpoints.get('e1'))?.name).toBe('A');
      expect((await store.repos.flows.get('f1'))?.name).toBe('F');
    });

    it('write nothing when the work throws, and run no callback', async () => {
      const { store } = await seeded();
      let called = false;
      const failing = store.unitOfWork(async (tx) => {
        await tx.repos.endpoints.insert(endpoint('e1', 'A'));
        tx.afterCommit(() => (called = true));
        throw new Error('changed my mind');
      });
      await expect(failing).rejects.toThrow('changed my mind');
      expect(called).toBe(false);
      expect(await store.repos.endpoints.get('e1')).toBeUndefined();
    });

    it('write nothing when one of their writes fails', async () => {
      const { store } = await seeded();
      const failing = store.unitOfWork(async (tx) => {
        await tx.repos.endpoints.insert(endpoint('e1', 'A'));
        await tx.repos.endpoints.insert(endpoint('e2', 'a'));
      });
      await expect(failing).rejects.toThrow();
      expect(await store.repos.endpoints.listByWorkflow('w1')).toEqual([]);
    });

    it('read committed data, run one at a time (the second waits for the first), and go on after one failed', async () => {
      const { store } = await seeded();
      await store.repos.flows.insert(flow('f1', 'F'));
      const events: string[] = [];
      const slow = store.unitOfWork(async (tx) => {
        events.push('a: start');
        const row = await tx.repos.flows.get('f1');
        await pause(50);
        await tx.repos.flows.rename('f1', `${row?.name ?? ''}+a`, later);
        events.push('a: end');
        throw new Error('a failed');
      });
      const next = store.unitOfWork(async (tx) => {
        events.push('b: start');
        const row = await tx.repos.flows.get('f1');
        await tx.repos.flows.rename('f1', `${row?.name ?? ''}+b`, later);
        return row?.name;
      });
      await expect(slow).rejects.toThrow('a failed');
      expect(await next).toBe('F');
      expect(events).toEqual(['a: start', 'a: end', 'b: start']);
      expect((await store.repos.flows.get('f1'))?.name).toBe('F+b');
    });

    it('report a callback that throws after the commit, having run the others', async () => {
      const { store } = await seeded();
      let ran = false;
      const unit = store.unitOfWork(async (tx) => {
        await tx.repos.flows.insert(flow('f1', 'F'));
        tx.afterCommit(() => {
          throw new Error('callback failed');
        });
        tx.afterCommit(() => (ran = true));
      });
      await expect(unit).rejects.toThrow('callback failed');
      expect(ran).toBe(true);
      expect(await store.repos.flows.get('f1')).toBeDefined();
    });

    it('offer no write that answers at once', async () => {
      const { store } = await seeded();
      // The types leave them out; reached anyway, such a write is refused rather than run outside the unit.
      const refused = store.unitOfWork(async (tx) => {
        const users: Partial<Repos['users']> = tx.repos.users;
        await users.insertIfEmailFree?.(user('u9', 'X'));
      });
      await expect(refused).rejects.toThrow(/unit of work/);
      expect(await store.repos.users.get('u9')).toBeUndefined();
    });
  });

  describe(`${name}: write generations`, () => {
    it('move after writes to a table and to the tables its deletes cascade to, not after reads or other tables', async () => {
      const { store } = await seeded();
      const { generations, repos } = store;
      const snapshot = () => Object.fromEntries(['flows', 'endpoints', 'custom_steps', 'script_endpoint_refs', 'users'].map((table) => [table, generations.of(table)]));
      const before = snapshot();
      await repos.flows.insert(flow('f1', 'F'));
      await repos.flows.get('f1');
      let now = snapshot();
      expect(now.flows).toBeGreaterThan(before.flows ?? 0);
      expect({ ...now, flows: 0 }).toEqual({ ...before, flows: 0 });

      await store.unitOfWork(async (tx) => {
        await tx.repos.endpoints.insert(endpoint('e1', 'A'));
      });
      expect(generations.of('endpoints')).toBeGreaterThan(now.endpoints ?? 0);

      await repos.customSteps.insert(customStep('s1', 'S'), []);
      now = snapshot();
      await repos.customSteps.delete('s1');
      expect(generations.of('script_endpoint_refs')).toBeGreaterThan(now.script_endpoint_refs ?? 0);
      expect(generations.of('users')).toBe(now.users);
    });
  });

  if (options.shared) {
    describe(`${name}: several stores on one database`, () => {
      it("see each other's writes: a write through one store moves the other's generations", async () => {
        const first = await seeded();
        const second = await open(first.database);
        const flows = first.store.generations.of('flows');
        const endpoints = first.store.generations.of('endpoints');
        await second.store.repos.flows.insert(flow('f1', 'F'));
        await eventually(() => (first.store.generations.of('flows') > flows ? true : undefined));
        await second.store.unitOfWork(async (tx) => tx.repos.endpoints.insert(endpoint('e1', 'A')));
        await eventually(() => (first.store.generations.of('endpoints') > endpoints ? true : undefined));
        expect((await first.store.repos.endpoints.get('e1'))?.name).toBe('A');
      });

      it('run their units of work one at a time', async () => {
        const first = await seeded();
        const second = await open(first.database);
        await first.store.repos.flows.insert(flow('f1', 'F'));
        const events: string[] = [];
        let entered: () => void = () => undefined;
        const inside = new Promise<void>((resolve) => (entered = resolve));
        const slow = first.store.unitOfWork(async (tx) => {
          events.push('a: start');
          entered();
          await pause(100);
          await tx.repos.flows.rename('f1', 'a', later);
          events.push('a: end');
        });
        await inside;
        const next = second.store.unitOfWork(async (tx) => {
          events.push('b: start');
          return (await tx.repos.flows.get('f1'))?.name;
        });
        await slow;
        expect(await next).toBe('a');
        expect(events).toEqual(['a: start', 'a: end', 'b: start']);
      });
    });
  }

  describe(`${name}: named locks`, () => {
    it('one holder at a time per name, across the stores sharing the database; other names are free', async () => {
      const first = await open();
      const second = options.shared ? await open(first.database) : first;
      const events: string[] = [];
      let entered: () => void = () => undefined;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      let leave: () => void = () => undefined;
      const release = new Promise<void>((resolve) => (leave = resolve));
      const held = first.store.locks.withLock('token:e1', async () => {
        events.push('a: in');
        entered();
        await release;
        events.push('a: out');
        return 'a';
      });
      await inside;
      expect(await second.store.locks.tryWithLock('token:e1', async () => 'b')).toEqual({ ran: false });
      expect(await second.store.locks.tryWithLock('token:e2', async () => 'other')).toEqual({ ran: true, value: 'other' });
      const waiting = second.store.locks.withLock('token:e1', async () => {
        events.push('b: in');
        return 'b';
      });
      await pause(50);
      leave();
      expect(await held).toBe('a');
      expect(await waiting).toBe('b');
      expect(events).toEqual(['a: in', 'a: out', 'b: in']);
      await expect(first.store.locks.withLock('token:e1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await second.store.locks.tryWithLock('token:e1', async () => 'free again')).toEqual({ ran: true, value: 'free again' });
      await expect(first.store.locks.withLock('', async () => 'x')).rejects.toThrow('lock name');
    });
  });

  describe(`${name}: coverage`, () => {
    it('every repository method was called by the tests above', async () => {
      const { store } = await open();
      const all = Object.entries(store.repos).flatMap(([repo, methods]) => Object.keys(methods).map((method) => `${repo}.${method}`));
      expect(all.filter((method) => !called.has(method))).toEqual([]);
    });
  });

}
