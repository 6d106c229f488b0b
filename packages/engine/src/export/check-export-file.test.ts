import { describe, expect, it } from 'vitest';
import type { FlowGraph } from '../flow/flow-graph';
import { buildExportFile } from './build-export';
import { checkExportFile } from './check-export-file';
import { maxExportFileBytes, type ExportFileInput } from './export-file';
import { remapFlowGraph } from './remap-graph';

const graph: FlowGraph = {
  nodes: [
    { id: 'trigger', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Trigger', config: { testPayload: '{}' } } },
    {
      id: 'call',
      type: 'http-request',
      position: { x: 0, y: 100 },
      data: { name: 'Call', config: { endpointId: 'ep-1', method: 'GET', path: '/x', headers: [], body: '', autoEncodeURI: true, timeoutMs: 30_000 } },
    },
    {
      id: 'custom',
      type: 'custom-step',
      position: { x: 0, y: 200 },
      data: { name: 'Custom', config: { customStepId: 'cs-1', inputs: { who: 'me' }, endpointId: 'ep-2' } },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'call', sourceHandle: null },
    { id: 'e2', source: 'call', target: 'custom', sourceHandle: null },
  ],
};

const step = {
  name: 'Greeter',
  description: '',
  icon: 'code' as const,
  inputs: [{ id: 'who', label: 'Who', required: false, minLength: null, maxLength: null, helpText: '', defaultValue: '', multiline: false }],
  outputs: [],
  includeEndpoint: true,
  endpointType: 'any' as const,
  endpointLabel: 'Target',
  script: "http.request({ endpoint: 'Target' }).write();",
  timeoutMs: 10_000,
};

function validFile(): ExportFileInput {
  return buildExportFile({
    workflowName: 'Default',
    exportedAt: new Date('2026-01-02T03:04:05.000Z'),
    endpoints: [
      { id: 'ep-1', name: 'Alpha', baseUrl: 'https://alpha.example', builtIn: false },
      { id: 'ep-2', name: 'Beta', baseUrl: 'http://127.0.0.1:9', builtIn: false },
      { id: 'ep-builtin', name: 'Flowyard', baseUrl: 'https://flowyard.example', builtIn: true },
    ],
    customSteps: [{ id: 'cs-1', ...step }],
    flows: [{ name: 'Main', graph }],
    constants: [{ name: 'Region', value: 'eu' }],
    libraries: [{ name: 'util', source: 'exports.x = 1;' }],
  });
}

const problemsOf = (input: unknown) => {
  const check = checkExportFile(input);
  if (check.ok) throw new Error('expected problems');
  return check.problems;
};

describe('checkExportFile', () => {
  it('accepts what buildExportFile writes, as an object or as JSON text', () => {
    const file = validFile();
    const fromObject = checkExportFile(file);
    expect(fromObject).toMatchObject({ ok: true, file: { format: 'flowyard-workflow', version: 1, workflow: { name: 'Default' } } });
    expect(checkExportFile(JSON.stringify(file, null, 2))).toEqual(fromObject);
  });

  it('leaves out the built-in endpoint; steps using it hold the reserved export id', () => {
    const file = buildExportFile({
      workflowName: 'W',
      exportedAt: new Date(0),
      endpoints: [{ id: 'ep-builtin', name: 'Flowyard', baseUrl: 'https://flowyard.example', builtIn: true }],
      customSteps: [],
      flows: [{ name: 'F', graph: { nodes: graph.nodes.slice(0, 2).map((n) => (n.type === 'http-request' ? { ...n, data: { ...n.data, config: { ...n.data.config, endpointId: 'ep-builtin' } } } : n)), edges: graph.edges.slice(0, 1) } }],
      constants: [],
      libraries: [],
    });
    expect(file.endpoints).toEqual([]);
    expect(file.flows[0]?.graph.nodes[1]).toMatchObject({ data: { config: { endpointId: 'flowyard:builtin' } } });
    expect(checkExportFile(file)).toMatchObject({ ok: true });
    const named = JSON.parse(JSON.stringify(file));
    named.endpoints.push({ exportId: 'flowyard:builtin', name: 'Mine', baseUrl: 'https://x.example', trustSelfSigned: false, auth: { type: 'none' } });
    expect(checkExportFile(named)).toMatchObject({ ok: false, problems: [{ path: 'endpoints[0].exportId', message: expect.stringContaining('stands for the built-in Flowyard endpoint') }] });
  });

  it('writes every endpoint without authentication and with Trust self-signed off', () => {
    expect(validFile().endpoints).toEqual([
      { exportId: 'ep-1', name: 'Alpha', baseUrl: 'https://alpha.example', trustSelfSigned: false, auth: { type: 'none' } },
      { exportId: 'ep-2', name: 'Beta', baseUrl: 'http://127.0.0.1:9', trustSelfSigned: false, auth: { type: 'none' } },
    ]);
  });

  it('reports every problem with its JSON path, not just the first', () => {
    const file = validFile();
    const endpoints = file.endpoints ?? [];
    const flows = file.flows ?? [];
    const customSteps = file.customSteps ?? [];
    const call = flows[0]?.graph.nodes[1];
    if (endpoints[1] === undefined || customSteps[0] === undefined || call?.type !== 'http-request') throw new Error('fixture changed');
    endpoints[1].baseUrl = 'ftp://nope';
    customSteps[0].step.timeoutMs = 120_000;
    call.data.config.endpointId = 'ep-missing';
    expect(problemsOf(file)).toEqual([
      { path: 'endpoints[1].baseUrl', message: 'Base URL must start with http:// or https:// (not ftp://)' },
      { path: 'customSteps[0].step.timeoutMs', message: 'Time limit must be at most 60000 ms' },
      { path: 'flows[0].graph.nodes[1].data.config.endpointId', message: 'Step "Call" uses endpoint "ep-missing", which is not in the file\'s endpoints' },
    ]);
  });

  it('refuses endpoints that carry credentials or trust', () => {
    const file = JSON.parse(JSON.stringify(validFile()));
    file.endpoints[0].auth = { type: 'basic', username: 'u', password: 'p' };
    file.endpoints[1].trustSelfSigned = true;
    file.endpoints[1].auth = { type: 'none', token: 'x' };
    const problems = problemsOf(file);
    expect(problems).toContainEqual({ path: 'endpoints[0].auth.type', message: 'Exported endpoints carry no authentication ("none"); enter credentials after importing' });
    expect(problems).toContainEqual({ path: 'endpoints[1].trustSelfSigned', message: 'Exported endpoints never trust self-signed certificates; turn it on after importing' });
    expect(problems).toContainEqual({ path: 'endpoints[1].auth', message: 'Exported endpoints carry no credentials: remove "token"' });
  });

  it('reports duplicate names and export ids and dangling custom step references', () => {
    const file = JSON.parse(JSON.stringify(validFile()));
    file.endpoints[1].name = 'ALPHA';
    file.endpoints[1].exportId = 'ep-1';
    file.constants.push({ name: 'region', value: 'us' });
    file.flows[0].graph.nodes[2].data.config.customStepId = 'cs-gone';
    expect(problemsOf(file)).toEqual([
      { path: 'endpoints[1].exportId', message: 'Another endpoint has the export id "ep-1"' },
      { path: 'endpoints[1].name', message: 'Another endpoint is named "ALPHA"' },
      { path: 'constants[1].name', message: 'Another constant is named "region"' },
      // "ep-2" is gone now that both endpoints say "ep-1".
      { path: 'flows[0].graph.nodes[2].data.config.endpointId', message: 'Step "Custom" uses endpoint "ep-2", which is not in the file\'s endpoints' },
      { path: 'flows[0].graph.nodes[2].data.config.customStepId', message: 'Step "Custom" is an instance of custom step "cs-gone", which is not in the file\'s custom steps' },
    ]);
  });

  it.each([
    ['text that is not JSON', '{"format": ', '', /^The file is not valid JSON: /],
    ['an array', '[]', '', /^The file must hold a JSON object/],
    ['null', null, '', /^The file must hold a JSON object/],
    ['another format', { format: 'n8n', version: 1 }, 'format', /^This is not a Flowyard workflow export \(format must be "flowyard-workflow", not "n8n"\)$/],
    ['another version', { format: 'flowyard-workflow', version: 2 }, 'version', /^This Flowyard reads export version 1; the file has version 2$/],
  ])('refuses %s with one clear problem', (_what, input, path, message) => {
    const problems = problemsOf(input);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(path);
    expect(problems[0]?.message).toMatch(message);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = JSON.stringify({ ...validFile(), padding: 'x'.repeat(maxExportFileBytes) });
    expect(problemsOf(big)).toEqual([{ path: '', message: expect.stringMatching(/^The file is 4 MiB; an import file may be at most 4 MiB$/) }]);
  });

  it('refuses a file nested deeper than 64 levels, as text or as an object, with one problem', () => {
    const deepText = `{"format": "flowyard-workflow", "version": 1, "flows": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const deepObject: unknown = JSON.parse(deepText);
    for (const input of [deepText, deepObject, `{"format": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`]) {
      expect(checkExportFile(input)).toEqual({ ok: false, problems: [{ path: '', message: 'The file nests deeper than 64 levels; JSON may nest at most 64 levels' }] });
    }
  });

  it('quotes keys that are not identifiers in paths', () => {
    const file = JSON.parse(JSON.stringify(validFile()));
    file.flows[0].graph.nodes[2].data.config.inputs = { 'odd key': 5 };
    expect(problemsOf(file)).toEqual([{ path: 'flows[0].graph.nodes[2].data.config.inputs["odd key"]', message: expect.any(String) }]);
  });
});

describe('remapFlowGraph', () => {
  it('rebinds endpoint and custom step references and keeps everything else', () => {
    const remapped = remapFlowGraph(graph, { endpoints: new Map([['ep-1', 'new-1'], ['ep-2', 'new-2']]), customSteps: new Map([['cs-1', 'new-cs']]) });
    expect(remapped.edges).toEqual(graph.edges);
    expect(remapped.nodes.map((n) => n.id)).toEqual(['trigger', 'call', 'custom']);
    expect(remapped.nodes[1]).toMatchObject({ data: { config: { endpointId: 'new-1', path: '/x' } } });
    expect(remapped.nodes[2]).toMatchObject({ data: { config: { endpointId: 'new-2', customStepId: 'new-cs', inputs: { who: 'me' } } } });
    expect(() => remapFlowGraph(graph, { endpoints: new Map(), customSteps: new Map() })).toThrow('No endpoint for export id "ep-1"');
  });
});
