import type { QuickJSAsyncContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { z } from 'zod';
import { callIntrinsic } from './host-intrinsics';
import { RUNTIME_MODULES, isRuntimeModuleName } from './runtime-modules';
import { RUNTIME_PRELUDE } from './runtime-prelude';

// While waiting for a timer the loop wakes this often to notice a cancelled run.
const CANCEL_POLL_MS = 50;

const timerStateSchema = z.object({ failed: z.boolean(), nextDue: z.number().nullable() });

/** How the script's body and everything it scheduled ended. */
export type LoopEnd =
  | { kind: 'settled' }
  | { kind: 'thrown'; error: QuickJSHandle }
  | { kind: 'timeout' }
  /** The body awaits a promise nothing can settle any more (no jobs, no timers). */
  | { kind: 'stalled' };

export interface EventLoopHost {
  context: QuickJSAsyncContext;
  /** Registers a handle to dispose with the run. */
  own<T extends QuickJSHandle>(handle: T): T;
}

/** The installed runtime prelude. */
export interface InstalledRuntime {
  /** Drops the prelude's reference to the host functions; call before disposing. */
  teardown: QuickJSHandle;
  /** The timers group's hooks, once a script touched a timer; the loop needs none before. */
  timers(): QuickJSHandle | undefined;
}

/** Installs the runtime prelude (timers, URL, Intl, … compiled on first use). */
export function installRuntime({ context, own }: EventLoopHost): InstalledRuntime {
  let timers: QuickJSHandle | undefined;
  const host = own(context.newObject());
  const intrinsic = context.newFunction('intrinsic', (op, args) => context.newString(callIntrinsic(context.getString(op), context.getString(args))));
  context.setProp(host, 'intrinsic', own(intrinsic));
  // Compiles a group only when a script first touches one of its globals.
  const load = context.newFunction('load', (nameHandle) => {
    const name = context.getString(nameHandle);
    if (!isRuntimeModuleName(name)) return context.newError(`Unknown runtime module ${name}`);
    return context.evalCode(RUNTIME_MODULES[name], `flowyard-runtime-${name}.js`);
  });
  context.setProp(host, 'load', own(load));
  const loop = context.newFunction('loop', (hooks) => {
    timers ??= own(hooks.dup());
  });
  context.setProp(host, 'loop', own(loop));
  const prelude = own(context.unwrapResult(context.evalCode(RUNTIME_PRELUDE, 'flowyard-runtime.js')));
  const teardown = own(context.unwrapResult(context.callFunction(prelude, context.undefined, host)));
  return { teardown, timers: () => timers };
}

export interface EventLoopOptions extends EventLoopHost {
  runtime: InstalledRuntime;
  /** Whether promise jobs are waiting. */
  hasJobs(): boolean;
  /** Runs every pending promise job (host calls allowed); resolves with what a job threw. */
  runJobs(): Promise<QuickJSHandle | undefined>;
  /** True once the interrupt handler stopped the script (time limit or cancellation). */
  interrupted(): boolean;
  cancelled(): boolean;
  deadline(): number;
}

/**
 * Drives the run after its body returned: promise jobs, then the earliest due timer, until the
 * body's completion (an async body's promise; none for a plain body) has settled and nothing is
 * scheduled (as Node ends a script), the body or a timer callback threw, or the time limit
 * passed. A plain body that scheduled nothing ends at once.
 */
export async function runEventLoop(completion: QuickJSHandle | undefined, options: EventLoopOptions): Promise<LoopEnd> {
  const { context, own } = options;
  // The hooks run no script code of their own, but the time limit may still cut one short.
  const stopped = (error: QuickJSHandle): LoopEnd => (options.interrupted() ? { kind: 'timeout' } : { kind: 'thrown', error: own(error) });
  const call = (hooks: QuickJSHandle, name: string) => {
    const hook = context.getProp(hooks, name);
    try {
      return context.callFunction(hook, context.undefined);
    } finally {
      hook.dispose();
    }
  };
  let bodyDone = completion === undefined;
  for (;;) {
    if (options.hasJobs()) {
      const thrown = await options.runJobs();
      if (options.interrupted()) return { kind: 'timeout' };
      if (thrown) return { kind: 'thrown', error: own(thrown) };
    }
    if (!bodyDone && completion !== undefined) {
      const state = context.getPromiseState(completion);
      if (state.type === 'rejected') return { kind: 'thrown', error: own(state.error) };
      if (state.type === 'fulfilled') {
        state.value.dispose();
        bodyDone = true;
      }
    }
    const timers = options.runtime.timers();
    let nextDue: number | null = null;
    if (timers !== undefined) {
      const result = call(timers, 'state');
      if (result.error) return stopped(result.error);
      const state = timerStateSchema.parse(JSON.parse(context.getString(result.value)));
      result.value.dispose();
      if (state.failed) {
        const failure = call(timers, 'failure');
        return failure.error ? stopped(failure.error) : { kind: 'thrown', error: own(failure.value) };
      }
      nextDue = state.nextDue;
    }
    if (options.hasJobs()) continue;
    if (timers === undefined || nextDue === null) return bodyDone ? { kind: 'settled' } : { kind: 'stalled' };
    // A timer due after the deadline cannot fire: the run times out there.
    const woke = await sleepUntil(Math.min(nextDue, options.deadline()), options.cancelled);
    if (!woke || nextDue > options.deadline() || Date.now() > options.deadline()) return { kind: 'timeout' };
    const fired = call(timers, 'fireNext');
    if (fired.error) return stopped(fired.error);
    fired.value.dispose();
  }
}

/** Waits until `time`; false when the run was cancelled meanwhile. */
async function sleepUntil(time: number, cancelled: () => boolean): Promise<boolean> {
  for (let left = time - Date.now(); left > 0; left = time - Date.now()) {
    if (cancelled()) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, CANCEL_POLL_MS)));
  }
  return !cancelled();
}
