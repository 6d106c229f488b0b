import type { QuickJSAsyncContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { z } from 'zod';
import { callIntrinsic } from './host-intrinsics';
import { RUNTIME_MODULES, isRuntimeModuleName } from './runtime-modules';
import { RUNTIME_PRELUDE } from './runtime-prelude';

// While waiting for a timer the loop wakes this often to notice a cancelled run.
const CANCEL_POLL_MS = 50;

const loopStateSchema = z.object({
  body: z.enum(['pending', 'fulfilled', 'rejected']),
  failed: z.boolean(),
  nextDue: z.number().nullable(),
});

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

/** Installs the runtime prelude (timers, URL, Intl, …) and returns its hooks. */
export function installRuntime({ context, own }: EventLoopHost): QuickJSHandle {
  const host = own(context.newObject());
  const intrinsic = context.newFunction('intrinsic', (op, args) => context.newString(callIntrinsic(context.getString(op), context.getString(args))));
  context.setProp(host, 'intrinsic', own(intrinsic));
  // Compiles a module only when a script first touches one of its globals.
  const load = context.newFunction('load', (nameHandle) => {
    const name = context.getString(nameHandle);
    if (!isRuntimeModuleName(name)) return context.newError(`Unknown runtime module ${name}`);
    return context.evalCode(RUNTIME_MODULES[name], `flowyard-runtime-${name}.js`);
  });
  context.setProp(host, 'load', own(load));
  const prelude = own(context.unwrapResult(context.evalCode(RUNTIME_PRELUDE, 'flowyard-runtime.js')));
  return own(context.unwrapResult(context.callFunction(prelude, context.undefined, host)));
}

export interface EventLoopOptions extends EventLoopHost {
  hooks: QuickJSHandle;
  /** Runs every pending promise job (host calls allowed); resolves with what a job threw. */
  runJobs(): Promise<QuickJSHandle | undefined>;
  /** True once the interrupt handler stopped the script (time limit or cancellation). */
  interrupted(): boolean;
  cancelled(): boolean;
  deadline(): number;
}

/**
 * Drives the run after its body returned: promise jobs, then the earliest due timer, until the
 * body's completion has settled and nothing is scheduled (as Node ends a script), the body or
 * a timer callback threw, or the time limit passed.
 */
export async function runEventLoop(completion: QuickJSHandle, options: EventLoopOptions): Promise<LoopEnd> {
  const { context, hooks, own } = options;
  const hook = (name: string): QuickJSHandle => own(context.getProp(hooks, name));
  const [watch, stateOf, failure, fireNext] = [hook('watch'), hook('state'), hook('failure'), hook('fireNext')];
  // The hooks run no script code of their own, but the time limit may still cut one short.
  const stopped = (error: QuickJSHandle): LoopEnd => (options.interrupted() ? { kind: 'timeout' } : { kind: 'thrown', error: own(error) });
  const watched = context.callFunction(watch, context.undefined, completion);
  if (watched.error) return stopped(watched.error);
  watched.value.dispose();
  for (;;) {
    const thrown = await options.runJobs();
    if (options.interrupted()) return { kind: 'timeout' };
    if (thrown) return { kind: 'thrown', error: own(thrown) };
    const stateResult = context.callFunction(stateOf, context.undefined);
    if (stateResult.error) return stopped(stateResult.error);
    const state = loopStateSchema.parse(JSON.parse(context.getString(stateResult.value)));
    stateResult.value.dispose();
    if (state.failed || state.body === 'rejected') {
      const reason = context.callFunction(failure, context.undefined);
      return reason.error ? stopped(reason.error) : { kind: 'thrown', error: own(reason.value) };
    }
    if (state.nextDue === null) return state.body === 'pending' ? { kind: 'stalled' } : { kind: 'settled' };
    const woke = await sleepUntil(Math.min(state.nextDue, options.deadline()), options.cancelled);
    if (!woke || Date.now() > options.deadline()) return { kind: 'timeout' };
    const fired = context.callFunction(fireNext, context.undefined);
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
