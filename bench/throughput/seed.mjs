#!/usr/bin/env node
// Seeds a fresh Flowyard through its API, as a user would: signs in as the first admin, creates an
// API key, an endpoint to the harness's target and one flow per scenario (HTTP trigger → N HTTP
// Request steps, chained), and prints what run.sh needs as shell assignments.
//   FY_URL=http://127.0.0.1:3900 ADMIN_PASSWORD=... TARGET_URL=http://127.0.0.1:18080/ node seed.mjs run1 run5
// Scenarios: noop (no step), run1 (one step), run5 (five); ?wait=true makes each call wait for its run.
const base = required('FY_URL').replace(/\/+$/, '');
const password = required('ADMIN_PASSWORD');
const targetUrl = required('TARGET_URL');
const stepsOf = { noop: 0, run1: 1, run5: 5 };
const scenarios = process.argv.slice(2);
for (const s of scenarios) if (!(s in stepsOf)) throw new Error(`unknown scenario ${s} (known: ${Object.keys(stepsOf).join(', ')})`);

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function call(kind, path, input, headers) {
  const url = kind === 'query' ? `${base}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}` : `${base}/trpc/${path}`;
  const response = await fetch(url, {
    method: kind === 'query' ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(kind === 'query' ? {} : { body: JSON.stringify(input ?? {}) }),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
  }
  if (!response.ok || body.error) throw new Error(`${path}: ${response.status} ${JSON.stringify(body.error ?? body).slice(0, 500)}`);
  return { data: body.result.data, response };
}

// Sign in (a cookie session; mutations then need the CSRF header), and make the key for the rest.
const signIn = await call('mutation', 'auth.signIn', { email: 'admin@localhost', password }, { 'x-flowyard-csrf': '1' });
const cookie = (signIn.response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
if (!cookie) throw new Error('auth.signIn set no cookie');
const { data: created } = await call('mutation', 'apiKeys.create', { name: 'Throughput bench' }, { cookie, 'x-flowyard-csrf': '1' });
const key = created.key;
const auth = { authorization: `Bearer ${key}` };
const api = {
  query: async (path, input) => (await call('query', path, input, auth)).data,
  mutation: async (path, input) => (await call('mutation', path, input, auth)).data,
};

const workflows = await api.query('workflows.list');
const workflowId = (workflows.find((w) => w.name === 'Default') ?? workflows[0]).id;
const endpoint = await api.mutation('endpoints.create', { workflowId, name: 'Bench target', baseUrl: targetUrl, auth: { type: 'none' } });

const flows = [];
for (const scenario of scenarios) {
  const steps = stepsOf[scenario];
  const flow = await api.mutation('flows.create', { workflowId, name: `bench ${scenario}` });
  const nodes = [{ id: 't', type: 'http-trigger', position: { x: 0, y: 0 }, data: { name: 'HTTP trigger', config: {} } }];
  const edges = [];
  for (let i = 1; i <= steps; i++) {
    nodes.push({
      id: `s${i}`,
      type: 'http-request',
      position: { x: 0, y: i * 120 },
      data: { name: `Step ${i}`, config: { endpointId: endpoint.id, method: 'GET', path: '/', timeoutMs: 10_000 } },
    });
    edges.push({ id: `e${i}`, source: i === 1 ? 't' : `s${i - 1}`, target: `s${i}`, sourceHandle: null });
  }
  await api.mutation('flows.save', { id: flow.id, version: flow.version, graph: { nodes, edges } });
  flows.push({ scenario, flowId: flow.id, records: steps + 1, url: `${base}/hooks/${encodeURIComponent(flow.id)}/t?wait=true` });
}

// One call each, so a broken flow fails here rather than in the middle of a measurement.
for (const f of flows) {
  const response = await fetch(f.url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: '{"hello":"world"}' });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${f.scenario}: ${response.status} ${text.slice(0, 500)}`);
  process.stderr.write(`${f.scenario}: ${response.status} ${text.slice(0, 200)}\n`);
}

const q = (s) => `'${s.replaceAll("'", "'\\''")}'`;
console.log(`FLOWYARD_API_KEY=${q(key)}`);
console.log(`FY_FLOWS=${q(flows.map((f) => `${f.scenario}=${f.flowId}:${f.records}`).join(' '))}`);
console.log(`FY_PAIRS=${q(flows.map((f) => `${f.scenario}=${f.url}`).join(' '))}`);
