#!/usr/bin/env node
// Medians of the harness's result lines from one sitting, side by side, with Flowyard's ratios to
// Node-RED and n8n and the issue's targets; optionally written into bench/README.md between
// <!-- throughput:begin --> and <!-- throughput:end -->.
//   node summarize.mjs --results FILE --since ISO [--checks FILE] [--readme FILE] [--command TEXT]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { results: { type: 'string' }, since: { type: 'string' }, checks: { type: 'string' }, readme: { type: 'string' }, command: { type: 'string' } },
});
if (!args.results || !args.since) throw new Error('--results and --since are required');

const readLines = (file) => (file && existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
const rows = readLines(args.results).filter((r) => r.ts >= args.since && r.scenario !== 'idle-after-start' && r.tool === 'wrk');
const idle = readLines(args.results).filter((r) => r.ts >= args.since && r.scenario === 'idle-after-start');
const checks = readLines(args.checks).filter((c) => c.ts >= args.since);

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');

const groups = new Map();
for (const r of rows) {
  const key = `${r.system}|${r.scenario}|${r.concurrency}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(r);
}
const stats = (system, scenario, c) => {
  const rs = groups.get(`${system}|${scenario}|${c}`) ?? [];
  if (rs.length === 0) return null;
  return {
    n: rs.length,
    each: rs.map((r) => Math.round(r.rps)),
    rps: median(rs.map((r) => r.rps)),
    p50: median(rs.map((r) => r.p50_ms)),
    p99: median(rs.map((r) => r.p99_ms)),
    cpu: median(rs.map((r) => r.server_cpu_ms / r.requests)),
    rss: median(rs.map((r) => r.rss_peak_mb)),
    rssMax: Math.max(...rs.map((r) => r.rss_peak_mb)),
    load: median(rs.map((r) => Number(String(r.load).split(' ')[0]))),
    busy: median(rs.map((r) => r.machine_busy_pct)),
    errors: rs.reduce((a, r) => a + (r.socket_errors || 0) + (r.non2xx || 0), 0),
  };
};

const systems = ['flowyard', 'node-red', 'n8n'].filter((s) => rows.some((r) => r.system === s));
const scenarios = [...new Set(rows.map((r) => r.scenario))];
const concs = [...new Set(rows.map((r) => r.concurrency))].sort((a, b) => a - b);
const out = [];
const first = rows.map((r) => r.ts).sort()[0] ?? args.since;
const last = rows.map((r) => r.ts).sort().at(-1) ?? args.since;
out.push(`Sitting ${first} → ${last}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. Medians of ${Math.max(0, ...[...groups.values()].map((g) => g.length))} wrk runs per row (the systems took turns, each restarted per round) (${rows[0]?.seconds ? Math.round(rows[0].seconds) : '?'} s each); "each" lists every run's req/s. Load is the 1-minute load average when each run ended (median), busy the whole box's CPU use during it.`);
out.push('');
out.push('| system | scenario | c | runs/s (median) | each | p50 ms | p99 ms | CPU ms/run | RSS peak MB | errors | load | box busy % |');
out.push('|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const scenario of scenarios) for (const c of concs) for (const system of systems) {
  const s = stats(system, scenario, c);
  if (!s) continue;
  out.push(`| ${system} | ${scenario} | ${c} | ${fmt(s.rps)} | ${s.each.join(' / ')} | ${fmt(s.p50, 2)} | ${fmt(s.p99, 2)} | ${fmt(s.cpu, 2)} | ${fmt(s.rss)} | ${s.errors} | ${fmt(s.load, 1)} | ${fmt(s.busy)} |`);
}
if (idle.length) out.push('', `Idle RSS after start (MB): ${idle.map((r) => `${r.system} ${r.rss_idle_mb}`).join(', ')}.`);

out.push('', '| scenario | c | Flowyard / Node-RED runs/s | Flowyard / n8n runs/s | p99 Flowyard vs Node-RED (ms) |', '|---|---:|---:|---:|---|');
for (const scenario of scenarios) for (const c of concs) {
  const fy = stats('flowyard', scenario, c), nr = stats('node-red', scenario, c), n8 = stats('n8n', scenario, c);
  if (!fy) continue;
  out.push(`| ${scenario} | ${c} | ${nr ? `${fmt(fy.rps / nr.rps, 2)}×` : '–'} | ${n8 ? `${fmt(fy.rps / n8.rps, 1)}×` : '–'} | ${nr ? `${fmt(fy.p99, 1)} vs ${fmt(nr.p99, 1)}` : '–'} |`);
}

const fy1 = stats('flowyard', 'run1', 16), nr1 = stats('node-red', 'run1', 16), n81 = stats('n8n', 'run1', 16);
const fy5 = stats('flowyard', 'run5', 16), nr5 = stats('node-red', 'run5', 16);
const fyAll = systems.includes('flowyard') ? Math.max(...rows.filter((r) => r.system === 'flowyard').map((r) => r.rss_peak_mb)) : NaN;
const mark = (ok) => (ok === null ? '–' : ok ? 'met' : '**not met**');
const cmp = (a, b, f) => (a && b ? f(a, b) : null);
out.push('', '| target | figure | result |', '|---|---|---|');
out.push(`| run1 c16 ≥ 1.5× Node-RED runs/s | ${cmp(fy1, nr1, (a, b) => `${fmt(a.rps / b.rps, 2)}×`) ?? '–'} | ${mark(cmp(fy1, nr1, (a, b) => a.rps >= 1.5 * b.rps))} |`);
out.push(`| run1 c16 ≥ 20× n8n runs/s | ${cmp(fy1, n81, (a, b) => `${fmt(a.rps / b.rps, 1)}×`) ?? '–'} | ${mark(cmp(fy1, n81, (a, b) => a.rps >= 20 * b.rps))} |`);
out.push(`| run1 c16 p99 ≤ Node-RED's | ${cmp(fy1, nr1, (a, b) => `${fmt(a.p99, 1)} vs ${fmt(b.p99, 1)} ms`) ?? '–'} | ${mark(cmp(fy1, nr1, (a, b) => a.p99 <= b.p99))} |`);
out.push(`| run5 c16 ≥ 1.5× Node-RED runs/s | ${cmp(fy5, nr5, (a, b) => `${fmt(a.rps / b.rps, 2)}×`) ?? '–'} | ${mark(cmp(fy5, nr5, (a, b) => a.rps >= 1.5 * b.rps))} |`);
out.push(`| CPU ≤ 0.5 ms per run1 (c16) | ${fy1 ? `${fmt(fy1.cpu, 2)} ms` : '–'} | ${mark(fy1 ? fy1.cpu <= 0.5 : null)} |`);
out.push(`| RSS under load ≤ 150 MB | ${fmt(fyAll)} MB (highest peak of any run) | ${mark(Number.isFinite(fyAll) ? fyAll <= 150 : null)} |`);
if (checks.length) {
  const bad = checks.filter((c) => !c.ok);
  const answered = checks.reduce((a, c) => a + c.answered, 0);
  const runsP = checks.reduce((a, c) => a + c.persistedRuns, 0);
  const stepsP = checks.reduce((a, c) => a + c.persistedSteps, 0);
  out.push(`| every answered run persisted with all its step records | ${checks.length} measurements: ${answered} answered, ${runsP} runs and ${stepsP} step records persisted (${runsP - answered} cut off in flight by wrk's stop, also complete) | ${mark(bad.length === 0)} |`);
  for (const c of bad) out.push(`|  ↳ ${c.scenario} c${c.concurrency} run ${c.run} | ${c.problems.join('; ')} | |`);
}

const text = out.join('\n');
console.log(text);
if (args.readme) {
  const readme = readFileSync(args.readme, 'utf8');
  const begin = '<!-- throughput:begin -->', end = '<!-- throughput:end -->';
  const a = readme.indexOf(begin), b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${args.readme} has no ${begin} … ${end} block`);
  const block = `${begin}\n${args.command ? `Reproduce: \`${args.command}\`\n\n` : ''}${text}\n${end}`;
  writeFileSync(args.readme, readme.slice(0, a) + block + readme.slice(b + end.length));
}
