import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { log } from '../log';
import { startHookTestServer, type HookTestServer } from '../triggers/hook-test-server';

// SPEC §7a at the HTTP edge: a bad path or a deep document is the caller's 400, never a 500 or a stack in the log.
let server: HookTestServer;
let webDist: string;
let key: string;
let flowId: string;
const logged = vi.spyOn(log, 'error');
beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'flowyard-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Flowyard</title>');
  server = await startHookTestServer({ webDist });
  key = (await server.userWithKey('admin', 'Ada Admin')).key;
  flowId = await server.flow('Manual', { nodes: [{ id: 't', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Start', config: {} } }], edges: [] });
});
afterEach(() => logged.mockClear());
afterAll(async () => {
  logged.mockRestore();
  await server.close();
  rmSync(webDist, { recursive: true, force: true });
});

const restError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const trpcError = z.object({ error: z.object({ message: z.string(), data: z.looseObject({ code: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })) }) }) });
const mutation = (path: string, input: string) =>
  server.fetch(`/trpc/${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: input });
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('malformed percent-encoding in a path', () => {
  it.each(['/flows/%E0%A4%A', '/%E0%A4%A', '/api/v1/users/%E0%A4%A', '/assets/%ZZ.js'])('%s answers 400 JSON and logs no error', async (path) => {
    const response = await server.fetch(path, { headers: { 'x-api-key': key } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(restError.parse(await response.json()).error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining('percent-encoded') });
    expect(logged).not.toHaveBeenCalled();
  });

  it('still serves the web app for well-formed pages', async () => {
    const response = await server.fetch('/flows/%E2%9C%93');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Flowyard</title>');
  });
});

describe('query keys such as constructor and __proto__', () => {
  it('are plain data to the REST API', async () => {
    for (const query of ['?constructor=x', '?__proto__=x&toString=y', '?search=Ada&hasOwnProperty=1']) {
      const response = await server.fetch(`/api/v1/users${query}`, { headers: { 'x-api-key': key } });
      expect({ query, status: response.status }).toEqual({ query, status: 200 });
    }
    expect(logged).not.toHaveBeenCalled();
  });
});

describe('JSON nested deeper than 64 levels', () => {
  it('runs.start refuses the payload with VALIDATION_FAILED at payload, naming the limit', async () => {
    const response = await mutation('runs.start', `{"flowId": "${flowId}", "payload": ${deep(5000)}}`);
    expect(response.status).toBe(400);
    const { data, message } = trpcError.parse(await response.json()).error;
    expect(data.code).toBe('VALIDATION_FAILED');
    expect(data.issues).toEqual([{ path: 'payload', message: 'Nests deeper than 64 levels (JSON may nest at most 64 levels)' }]);
    expect(message).not.toMatch(/call stack/i);
    expect((await server.app.caller.runs.list({ flowId })).items).toHaveLength(0);
  });

  it('runs.start refuses a payload over 1 MiB, as a trigger refuses such a body, and starts no run', async () => {
    const response = await mutation('runs.start', JSON.stringify({ flowId, payload: { text: 'x'.repeat(1024 * 1024) } }));
    expect(response.status).toBe(400);
    const { data } = trpcError.parse(await response.json()).error;
    expect(data.issues).toEqual([{ path: 'payload', message: "The payload is larger than 1 MiB, the most a trigger's body may be" }]);
    expect((await server.app.caller.runs.list({ flowId })).items).toHaveLength(0);
  });

  it('import refuses the file, as text or as an object, with one problem and writes nothing', async () => {
    const file = `{"format": "flowyard-workflow", "version": 1, "flows": ${deep(5000)}}`;
    const problem = { path: '', message: 'The file nests deeper than 64 levels; JSON may nest at most 64 levels' };
    for (const input of [JSON.stringify(file), file]) {
      const preview = await mutation('workflows.importPreview', `{"workflowId": "${server.app.workflowId}", "file": ${input}}`);
      expect(preview.status).toBe(200);
      expect(await preview.json()).toEqual({ result: { data: { ok: false, problems: [problem] } } });
      const imported = await mutation('workflows.import', `{"workflowId": "${server.app.workflowId}", "file": ${input}}`);
      expect(imported.status).toBe(400);
      expect(trpcError.parse(await imported.json()).error.data).toMatchObject({ code: 'VALIDATION_FAILED', issues: [problem] });
    }
    expect(logged).not.toHaveBeenCalled();
  });
});
