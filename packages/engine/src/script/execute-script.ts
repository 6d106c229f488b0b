import type { QuickJSAsyncContext, QuickJSAsyncRuntime, QuickJSHandle } from 'quickjs-emscripten-core';
import { z } from 'zod';
import { errorCodeSchema } from '../errors/error-code';
import { createConsoleCap } from '../run/console-cap';
import { jsonSchema, type LogLine } from '../run/run-record';
import { findErrorLocation, type ErrorLocation } from './error-location';
import { INTEGRATION_PRELUDE, integrationResponseMaxBytes, integrationResponseSchema, type IntegrationResponse } from './integration-globals';
import { installRuntime, runEventLoop, type InstalledRuntime } from './runtime/event-loop';
import { executePendingJobsAsync } from './runtime/pending-jobs';
import { scriptWrappers, type ScriptWrapper } from './runtime/script-wrapper';
import { SANDBOX_PRELUDE } from './sandbox-prelude';
import type { MemoryBudget, ScriptEngine } from './script-engine';
import { SCRIPT_STACK_BYTES } from './script-limits';
import { scriptHttpRequestSchema } from './script-types';
import type { HostCall, HostCallResult, ScriptFailure, ScriptJob, ScriptOutcome } from './worker-protocol';

/** How a running script reaches the host (in the worker: messages to the main thread). */
export interface ScriptBridge {
  call(call: HostCall): Promise<HostCallResult>;
  log(line: LogLine): void;
  /** True once the host wants the script stopped (time limit, cancellation). */
  cancelled(): boolean;
}

export interface ExecutionResult {
  outcome: ScriptOutcome;
  /** A host-level exception escaped QuickJS: the module may be corrupt and must not be reused. */
  engineBroken: boolean;
}

const SCRIPT_FILE = 'script.js';
const LIBRARY_PREFIX = '(function (exports, require, module) {';
const libraryFile = (index: number): string => `library-${index}.js`;
const isSourceFile = (file: string): boolean => file === SCRIPT_FILE || /^library-\d+\.js$/.test(file);
// After the script stopped, reading its error or outputs may run a little of its code
// (getters, toJSON): that gets a short grace instead of the expired deadline.
const WRAP_UP_MS = 250;
const WRAP_UP_EXTRA_MEMORY = 4 * 1024 * 1024;

// What the prelude reports about a thrown value (the script could tamper with it, so it is parsed).
const describedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('host-call'), code: z.string(), message: z.string(), details: z.unknown(), stack: z.string() }),
  z.object({ kind: z.literal('error'), name: z.string(), message: z.string(), stack: z.string() }),
  z.object({ kind: z.literal('thrown'), message: z.string() }),
]);
type Described = z.infer<typeof describedSchema>;
const outputsSchema = z.record(z.string(), z.string());
const startFlowSchema = z.object({ flowName: z.string(), payloadJson: z.string() });
type EvalResult = Awaited<ReturnType<QuickJSAsyncContext['evalCodeAsync']>>;

/** Runs one job in a fresh QuickJS runtime of `engine` and reports how it ended. */
export async function executeScript(engine: Pick<ScriptEngine, 'module' | 'budget'>, job: ScriptJob, bridge: ScriptBridge): Promise<ExecutionResult> {
  engine.budget.begin(job.memoryLimitBytes);
  try {
    const runtime = engine.module.newRuntime();
    const result = await new ScriptExecution(runtime, job, bridge, engine.budget).run();
    runtime.dispose();
    return result;
  } catch (error) {
    const failure = engine.budget.exceeded ? { kind: 'memory' as const } : engineFailure(error);
    return { outcome: { ok: false, failure }, engineBroken: true };
  } finally {
    engine.budget.end();
  }
}

class ScriptExecution {
  private deadline: number;
  private interrupted = false;
  /** Set while tearing down: our own clean-up must not be interrupted. */
  private stopping = false;
  private hooks: QuickJSHandle | undefined;
  /** The integration globals' hooks, when the job is an integration script's. */
  private integrationHooks: QuickJSHandle | undefined;
  private runtimeTeardown: QuickJSHandle | undefined;
  private importAttempt: string | undefined;
  private readonly context: QuickJSAsyncContext;
  private readonly handles: QuickJSHandle[] = [];
  private readonly libraryNames: string[];
  private readonly logs: LogSink;
  /** The wrapper the script's body was evaluated in (its first line shares the author's first line). */
  private scriptPrefix = '';
  private bodyIsAsync = false;

  constructor(
    private readonly runtime: QuickJSAsyncRuntime,
    private readonly job: ScriptJob,
    private readonly bridge: ScriptBridge,
    private readonly budget: MemoryBudget,
  ) {
    this.deadline = Date.now() + job.timeoutMs;
    this.libraryNames = Object.keys(job.libraries);
    this.logs = createLogSink(bridge);
    runtime.setMemoryLimit(job.memoryLimitBytes);
    runtime.setMaxStackSize(SCRIPT_STACK_BYTES);
    runtime.setInterruptHandler(() => {
      if (this.stopping) return false;
      if (bridge.cancelled() || Date.now() > this.deadline) this.interrupted = true;
      return this.interrupted;
    });
    runtime.setModuleLoader((name) => {
      this.importAttempt ??= name;
      return { error: new Error(importMessage(name)) };
    });
    this.context = runtime.newContext();
  }

  async run(): Promise<ExecutionResult> {
    let outcome: ScriptOutcome;
    try {
      outcome = await this.execute();
      // A script that caught its out-of-memory error still broke its limit.
      if (this.budget.exceeded && !(outcome.ok === false && outcome.failure.kind === 'timeout')) outcome = failed({ kind: 'memory' });
    } catch (error) {
      // Keep the original failure: disposing a broken engine may throw something less telling.
      try {
        this.dispose();
      } catch {
        // the worker retires this module anyway
      }
      throw error;
    }
    this.dispose();
    this.logs.flush();
    return { outcome, engineBroken: false };
  }

  private dispose(): void {
    this.stopping = true;
    for (const hooks of [this.hooks, this.integrationHooks]) {
      if (!hooks?.alive) continue;
      const teardown = this.context.callFunction(this.own(this.context.getProp(hooks, 'teardown')), this.context.undefined);
      this.own(teardown.error ?? teardown.value);
    }
    if (this.runtimeTeardown?.alive) {
      const teardown = this.context.callFunction(this.runtimeTeardown, this.context.undefined);
      this.own(teardown.error ?? teardown.value);
    }
    for (const handle of this.handles.reverse()) if (handle.alive) handle.dispose();
    this.context.dispose();
  }

  private async execute(): Promise<ScriptOutcome> {
    const { context } = this;
    const hooks = this.installApi();
    const setPhaseHooks = (this.integrationHooks === undefined ? [hooks] : [hooks, this.integrationHooks]).map((target) => this.own(context.getProp(target, 'setPhase')));
    const phases = { main: this.own(context.newString('main')), sync: this.own(context.newString('sync')) };
    // Called on every turn of the event loop, so it keeps no handles. Should the time limit cut
    // it short, the run ends as a timeout before anything depends on the phase.
    const setPhase = (phase: 'main' | 'sync'): void => {
      for (const hook of setPhaseHooks) {
        const result = context.callFunction(hook, context.undefined, phases[phase]);
        (result.error ?? result.value).dispose();
      }
    };

    const runtime = this.installRuntime();
    setPhase('main');
    const result = await this.evaluateBody();
    setPhase('sync');
    if (result.error) return this.fail(hooks, this.own(result.error));
    const completion = this.own(result.value);
    if (this.interrupted) return failed({ kind: 'timeout' });

    // A plain body's return value means nothing (as before); an async body's promise is awaited.
    const end = await runEventLoop(this.bodyIsAsync ? completion : undefined, {
      context,
      own: (handle) => this.own(handle),
      runtime,
      hasJobs: () => this.runtime.hasPendingJob(),
      runJobs: async () => {
        // Promise jobs run asyncified, so code after an await may block on write().
        setPhase('main');
        try {
          return await executePendingJobsAsync(context);
        } finally {
          setPhase('sync');
        }
      },
      interrupted: () => this.interrupted,
      cancelled: () => this.bridge.cancelled(),
      deadline: () => this.deadline,
    });
    if (end.kind === 'timeout' || this.interrupted) return failed({ kind: 'timeout' });
    if (end.kind === 'thrown') return this.fail(hooks, end.error);
    if (end.kind === 'stalled') {
      return failed({ kind: 'error', message: 'The script awaits a promise that never settles (nothing is left that could resolve it)' });
    }
    if (this.importAttempt !== undefined) return failed({ kind: 'error', message: importMessage(this.importAttempt) });

    const outputs = context.callFunction(this.own(context.getProp(hooks, 'outputs')), context.undefined);
    if (outputs.error) return this.fail(hooks, this.own(outputs.error));
    const parsed = outputsSchema.safeParse(JSON.parse(context.getString(this.own(outputs.value))));
    if (!parsed.success) return failed({ kind: 'error', message: 'The script\'s outputs could not be read' });
    if (this.integrationHooks === undefined) return { ok: true, outputs: parsed.data };
    const response = this.readResponse(hooks, this.integrationHooks);
    return 'kind' in response ? failed(response) : { ok: true, outputs: parsed.data, response };
  }

  /** The `response` an integration script set, or why it cannot be answered. */
  private readResponse(hooks: QuickJSHandle, integrationHooks: QuickJSHandle): IntegrationResponse | ScriptFailure {
    const { context } = this;
    const result = context.callFunction(this.own(context.getProp(integrationHooks, 'response')), context.undefined);
    if (result.error) {
      const outcome = this.fail(hooks, this.own(result.error));
      return outcome.ok ? { kind: 'error', message: 'The script\'s response could not be read' } : outcome.failure;
    }
    const text = context.getString(this.own(result.value));
    const parsed = integrationResponseSchema.safeParse(safeJson(text));
    if (!parsed.success) return { kind: 'error', message: 'The script\'s response could not be read' };
    if (parsed.data.body !== null && Buffer.byteLength(parsed.data.body) > integrationResponseMaxBytes) {
      return { kind: 'error', message: `response.body is larger than ${integrationResponseMaxBytes} bytes` };
    }
    return parsed.data;
  }

  /**
   * Evaluates the body as a function body: an async one when it uses `await`. An async wrapper
   * fails only while compiling (its body's errors reject its promise), so a script that merely
   * names something `await` is evaluated again as a plain function body.
   */
  private async evaluateBody(): Promise<EvalResult> {
    const [primary, fallback] = scriptWrappers(this.job.source);
    const result = await this.evaluate(primary);
    if (!result.error || fallback === undefined || this.interrupted) return result;
    const plain = await this.evaluate(fallback);
    if (!plain.error) {
      this.own(result.error);
      return plain;
    }
    this.own(plain.error);
    this.scriptPrefix = primary.prefix;
    this.bodyIsAsync = primary.async;
    return result;
  }

  private evaluate(wrapper: ScriptWrapper): Promise<EvalResult> {
    this.scriptPrefix = wrapper.prefix;
    this.bodyIsAsync = wrapper.async;
    return this.context.evalCodeAsync(`${wrapper.prefix}${this.job.source}${wrapper.suffix}`, SCRIPT_FILE);
  }

  private installRuntime(): InstalledRuntime {
    const installed = installRuntime({ context: this.context, own: (handle) => this.own(handle) });
    this.runtimeTeardown = installed.teardown;
    return installed;
  }

  /** Creates the host bridge, evaluates the prelude with it and returns the prelude's hooks. */
  private installApi(): QuickJSHandle {
    const { context, job } = this;
    const bridge = this.own(context.newObject());
    context.setProp(bridge, 'request', this.own(this.hostCall('request', (json) => this.toRequestCall(json))));
    context.setProp(bridge, 'authenticate', this.own(this.hostCall('authenticate', (name) => ({ kind: 'authenticate', endpoint: name }))));
    const log = context.newFunction('log', (level, text) => this.logs.add(context.getString(level), context.getString(text)));
    context.setProp(bridge, 'log', this.own(log));
    // Compiles (does not run) a library with its own file name, so its errors report its lines.
    const compileLibrary = context.newFunction('compileLibrary', (nameHandle) => {
      const index = this.libraryNames.indexOf(context.getString(nameHandle));
      const source = job.libraries[this.libraryNames[index] ?? ''] ?? '';
      return context.evalCode(`${LIBRARY_PREFIX}${source}\n})`, libraryFile(index));
    });
    context.setProp(bridge, 'compileLibrary', this.own(compileLibrary));

    const data = JSON.stringify({ input: job.input, constants: job.constants, endpointLabels: job.endpointLabels, libraryNames: this.libraryNames });
    const prelude = this.own(context.unwrapResult(context.evalCode(SANDBOX_PRELUDE, 'flowyard-prelude.js')));
    this.hooks = this.own(context.unwrapResult(context.callFunction(prelude, context.undefined, bridge, this.own(context.newString(data)))));
    if (job.integration !== undefined) this.installIntegration(job.integration);
    return this.hooks;
  }

  /** The integration globals (request, response, callback, flows) with their own host bridge. */
  private installIntegration(integration: NonNullable<ScriptJob['integration']>): void {
    const { context } = this;
    const bridge = this.own(context.newObject());
    context.setProp(bridge, 'startFlow', this.own(this.hostCall('startFlow', (json) => this.toStartFlowCall(json))));
    const prelude = this.own(context.unwrapResult(context.evalCode(INTEGRATION_PRELUDE, 'flowyard-integration.js')));
    const data = this.own(context.newString(JSON.stringify(integration)));
    this.integrationHooks = this.own(context.unwrapResult(context.callFunction(prelude, context.undefined, bridge, data)));
  }

  private toStartFlowCall(json: string): HostCall | HostCallResult {
    const parsed = startFlowSchema.safeParse(safeJson(json));
    if (parsed.success) return { kind: 'startFlow', flowName: parsed.data.flowName, payloadJson: parsed.data.payloadJson };
    return { kind: 'error', error: { code: 'SCRIPT_ERROR', message: 'flows.start: the call could not be read', details: {} } };
  }

  private toRequestCall(json: string): HostCall | HostCallResult {
    const parsed = scriptHttpRequestSchema.safeParse(safeJson(json));
    if (parsed.success) return { kind: 'request', request: parsed.data };
    return { kind: 'error', error: { code: 'SCRIPT_ERROR', message: 'http.request: the request could not be read', details: {} } };
  }

  /** An asyncified function: the script blocks on it while the main thread answers. */
  private hostCall(name: string, toCall: (argument: string) => HostCall | HostCallResult): QuickJSHandle {
    const { context } = this;
    return context.newAsyncifiedFunction(name, async (argument) => {
      const call = toCall(context.getString(argument));
      const reply = call.kind === 'request' || call.kind === 'authenticate' || call.kind === 'startFlow' ? await this.bridge.call(call) : call;
      return context.newString(JSON.stringify(reply));
    });
  }

  /** Turns what the script threw into a failure, with its line when the value carries a stack. */
  private fail(hooks: QuickJSHandle, thrown: QuickJSHandle): ScriptOutcome {
    if (this.interrupted) return failed({ kind: 'timeout' });
    const { context } = this;
    this.deadline = Date.now() + WRAP_UP_MS;
    this.runtime.setMemoryLimit(this.job.memoryLimitBytes + WRAP_UP_EXTRA_MEMORY);
    this.budget.extend(WRAP_UP_EXTRA_MEMORY);
    const result = context.callFunction(this.own(context.getProp(hooks, 'describe')), context.undefined, thrown);
    if (result.error) {
      this.own(result.error);
      const outOfMemory = isOutOfMemory(context.dump(thrown)) || isOutOfMemory(context.dump(result.error));
      return failed(outOfMemory ? { kind: 'memory' } : { kind: 'error', message: 'The script threw a value that could not be described' });
    }
    const described = describedSchema.safeParse(safeJson(context.getString(this.own(result.value))));
    if (!described.success) return failed({ kind: 'error', message: 'The script threw a value that could not be described' });
    return failed(this.toFailure(described.data));
  }

  private toFailure(described: Described): ScriptFailure {
    if (described.kind === 'thrown') return { kind: 'error', message: described.message };
    const location = findErrorLocation(described.stack, isSourceFile);
    const where: { line?: number; column?: number; library?: string } = location ? this.locate(location) : {};
    if (described.kind === 'host-call') {
      const code = errorCodeSchema.safeParse(described.code);
      const details = z.record(z.string(), jsonSchema).safeParse(described.details);
      const error = { code: code.success ? code.data : 'SCRIPT_ERROR' as const, message: described.message, details: details.success ? details.data : {} };
      return { kind: 'host-call', error, ...(where.line !== undefined ? { line: where.line, column: where.column } : {}) };
    }
    if (described.name === 'InternalError' && described.message === 'out of memory') return { kind: 'memory' };
    const message = described.name === 'Error' ? described.message : `${described.name}: ${described.message}`;
    return { kind: 'error', message, ...where };
  }

  /** Line and column in the author's own text (the wrapper shares its first line). */
  private locate(location: ErrorLocation): { line: number; column: number; library?: string } {
    const isScript = location.file === SCRIPT_FILE;
    const prefix = isScript ? this.scriptPrefix : LIBRARY_PREFIX;
    const column = location.line === 1 ? Math.max(1, location.column - prefix.length) : location.column;
    if (isScript) return { line: location.line, column };
    const library = this.libraryNames[Number(/\d+/.exec(location.file)?.[0])];
    return { line: location.line, column, ...(library !== undefined ? { library } : {}) };
  }

  private own<T extends QuickJSHandle>(handle: T): T {
    this.handles.push(handle);
    return handle;
  }
}

function failed(failure: ScriptFailure): ScriptOutcome {
  return { ok: false, failure };
}

function importMessage(name: string): string {
  return `import('${name}') is not available in Flowyard scripts; use require('<library>') for the workflow's shared libraries`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isOutOfMemory(dumped: unknown): boolean {
  return typeof dumped === 'object' && dumped !== null && 'message' in dumped && dumped.message === 'out of memory';
}

function engineFailure(error: unknown): ScriptFailure {

  const message = error instanceof Error ? error.message : String(error);
  if (/Maximum call stack size exceeded/.test(message)) {
    return { kind: 'error', message: 'RangeError: Maximum call stack size exceeded (the script nests too deeply)' };
  }
  return { kind: 'engine', message: `The script engine failed: ${message}` };
}

interface LogSink {
  add(level: string, text: string): void;
  flush(): void;
}

/** Console lines within a step's bounds (console-cap.ts), applied here so the overflow never leaves the worker. */
function createLogSink(bridge: ScriptBridge): LogSink {
  const cap = createConsoleCap();
  return {
    add(level, text) {
      const line = cap.add({ level: asLevel(level), message: text, at: new Date().toISOString() });
      if (line !== null) bridge.log(line);
    },
    flush() {
      const last = cap.end(new Date().toISOString());
      if (last !== null) bridge.log(last);
    },
  };
}

function asLevel(level: string): LogLine['level'] {
  return level === 'info' || level === 'warn' || level === 'error' ? level : 'log';
}
