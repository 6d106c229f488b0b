// Worker-thread entry: hosts one QuickJS WebAssembly module (loaded once, reused by every
// run) and executes one script at a time in a fresh runtime. HTTP and authentication are
// asked of the main thread, so connection pools and token caches stay shared there.
import { parentPort, workerData } from 'node:worker_threads';
import { executeScript } from './execute-script';
import { loadScriptEngine, type ScriptEngine } from './script-engine';
import { scriptWorkerDataSchema, toWorkerSchema, type FromWorker, type HostCallResult, type ScriptJob } from './worker-protocol';

const WARM_UP_JOB: ScriptJob = {
  source: `var x = JSON.parse('{"a":[1]}'); console.log(x.a.length); output.ok = true;`,
  input: {},
  constants: {},
  libraries: {},
  endpointLabels: {},
  timeoutMs: 10_000,
  memoryLimitBytes: 64 * 1024 * 1024,
};

const port = parentPort;
if (!port) throw new Error('script-worker must run in a worker thread');
const cancel = new Int32Array(scriptWorkerDataSchema.parse(workerData).cancel);
const send = (message: FromWorker): void => port.postMessage(message);
const pendingCalls = new Map<number, (result: HostCallResult) => void>();
let nextCallId = 1;

let engine: ScriptEngine;
try {
  engine = await loadScriptEngine();
  // One throw-away run before reporting ready: it proves the engine works and pays the
  // first-run costs (lazy WebAssembly compilation) here rather than in a real step.
  const warmUp = await executeScript(engine, WARM_UP_JOB, { call: () => Promise.reject(new Error('no host')), log: () => undefined, cancelled: () => false });
  if (!warmUp.outcome.ok) throw new Error('the warm-up script failed');
} catch (error) {
  send({ type: 'start-failed', message: error instanceof Error ? error.message : String(error) });
  throw error;
}

port.on('message', (raw: unknown) => {
  const message = toWorkerSchema.parse(raw);
  if (message.type === 'reply') {
    pendingCalls.get(message.callId)?.(message.result);
    pendingCalls.delete(message.callId);
  } else {
    void run(message.jobId, message.job);
  }
});
send({ type: 'ready' });

async function run(jobId: number, job: ScriptJob): Promise<void> {
  // WebAssembly memory never shrinks: a heap grown by an earlier, hungrier run would let this
  // one use more than its limit, so start it on a fresh engine.
  if (engine.heapBytes() > engine.baselineBytes + job.memoryLimitBytes) engine = await loadScriptEngine();
  const { outcome, engineBroken } = await executeScript(engine, job, {
    call(call) {
      const callId = nextCallId++;
      send({ type: 'call', jobId, callId, call });
      return new Promise((resolve) => pendingCalls.set(callId, resolve));
    },
    log(line) {
      send({ type: 'log', jobId, line });
    },
    cancelled: () => Atomics.load(cancel, 0) === jobId,
  });
  send({ type: 'done', jobId, outcome, retire: engineBroken });
}
