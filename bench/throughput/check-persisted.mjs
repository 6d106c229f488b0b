#!/usr/bin/env node
// Counts what Flowyard persisted for a bench flow, straight from its SQLite file (WAL mode, so a
// second reader is fine while the server writes), and checks it against what wrk was answered.
//   node check-persisted.mjs count SCENARIO                      -> {"runs":N,"steps":N,"running":N}
//   node check-persisted.mjs verify SCENARIO BEFORE_JSON LINE_JSON -> appends a check line to $FY_CHECKS
// Env: FY_DB (the flowyard.db path), FY_FLOWS ("run1=<flowId>:<records per run> run5=..."), FY_CHECKS.
//
// wrk counts a request once its answer arrived. When its time is up it closes its connections
// with up to `concurrency` requests still in flight; the server finishes and records those runs
// too. So: answered <= persisted runs <= answered + concurrency, every run finished, and every
// run has all of its step records.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { createClient } = await import(createRequire(resolve(repoRoot, 'packages/db/package.json')).resolve('@libsql/client'));

const [command, scenario, beforeText, lineText] = process.argv.slice(2);
const flows = Object.fromEntries(
  (process.env.FY_FLOWS ?? '').split(/\s+/).filter(Boolean).map((pair) => {
    const [name, rest] = pair.split('=');
    const [flowId, perRun] = rest.split(':');
    return [name, { flowId, perRun: Number(perRun) }];
  }),
);
const flow = flows[scenario];
if (!process.env.FY_DB || !flow) {
  console.error(`usage: FY_DB=... FY_FLOWS="${scenario}=<flowId>:<records per run>" check-persisted.mjs count|verify ${scenario ?? 'SCENARIO'}`);
  process.exit(2);
}

const db = createClient({ url: pathToFileURL(process.env.FY_DB).href });
await db.execute('PRAGMA busy_timeout = 5000');

async function count() {
  const runs = await db.execute({ sql: "SELECT count(*) AS n, coalesce(sum(status = 'running'), 0) AS running, coalesce(sum(status = 'succeeded'), 0) AS ok FROM runs WHERE flow_id = ?", args: [flow.flowId] });
  const steps = await db.execute({
    sql: "SELECT count(*) AS n, coalesce(sum(s.status = 'succeeded'), 0) AS ok FROM run_steps s JOIN runs r ON r.id = s.run_id WHERE r.flow_id = ?",
    args: [flow.flowId],
  });
  const r = runs.rows[0];
  const s = steps.rows[0];
  return { runs: Number(r.n), running: Number(r.running), succeeded: Number(r.ok), steps: Number(s.n), stepsSucceeded: Number(s.ok) };
}

/** Waits (bounded) until no run of the flow is running and the counts stop moving: queued writes land. */
async function settled() {
  let last = await count();
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await count();
    if (now.running === 0 && now.runs === last.runs && now.steps === last.steps) return now;
    last = now;
  }
  return last;
}

if (command === 'count') {
  console.log(JSON.stringify(await count()));
} else if (command === 'verify') {
  const before = JSON.parse(beforeText);
  const line = JSON.parse(lineText);
  const after = await settled();
  const runs = after.runs - before.runs;
  const steps = after.steps - before.steps;
  const answered = line.requests;
  const answeredOk = answered - line.non2xx;
  const problems = [];
  if (runs < answeredOk) problems.push(`${answeredOk - runs} answered run(s) missing`);
  if (runs > answered + line.concurrency) problems.push(`${runs - answered} more runs than answers (at most ${line.concurrency} may be cut off in flight)`);
  if (steps !== runs * flow.perRun) problems.push(`${steps} step records for ${runs} runs (expected ${runs * flow.perRun})`);
  if (after.running !== 0) problems.push(`${after.running} run(s) still running`);
  if (after.succeeded - before.succeeded !== runs) problems.push(`${runs - (after.succeeded - before.succeeded)} run(s) did not succeed`);
  const check = {
    system: line.system, scenario, concurrency: line.concurrency, run: line.run, ts: line.ts,
    answered, non2xx: line.non2xx, persistedRuns: runs, persistedSteps: steps, cutOffInFlight: runs - answered, ok: problems.length === 0, problems,
  };
  if (process.env.FY_CHECKS) appendFileSync(process.env.FY_CHECKS, JSON.stringify(check) + '\n');
  console.error(`[persisted] ${scenario} c=${line.concurrency}: answered ${answered}, runs ${runs}, step records ${steps}${problems.length ? ` PROBLEMS: ${problems.join('; ')}` : ' ok'}`);
  if (problems.length) process.exitCode = 1;
} else {
  console.error('command must be count or verify');
  process.exit(2);
}
db.close();
