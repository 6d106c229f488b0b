import type { QuickJSAsyncContext, QuickJSHandle } from 'quickjs-emscripten-core';

// quickjs-emscripten 0.32 offers only a synchronous executePendingJobs(): a promise job that
// calls an asyncified host function (write() after an await) would then have nowhere to suspend.
// Its FFI's QTS_ExecutePendingJob_MaybeAsync does not help: with only numeric arguments
// Emscripten's cwrap hands back the raw export, which returns 0 mid-suspension. So this is the
// library's own implementation over an export wrapped with `{ async: true }` (a Promise that
// settles when the job really ends). The context's memory object is private API, so its shape
// is checked here rather than trusted.
interface AsyncJobsMemory {
  // Pointers are plain numbers here; the library brands them.
  rt: { value: number };
  ffi: { QTS_FreeValuePointerRuntime(rt: number, value: number): void };
  module: {
    HEAPU8: Uint8Array;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    cwrap(name: string, returns: 'number', args: 'number'[], options: { async: true }): (...args: number[]) => Promise<number> | number;
  };
  heapValueHandle(pointer: number): QuickJSHandle;
}

function isAsyncJobsMemory(value: unknown): value is AsyncJobsMemory {
  if (typeof value !== 'object' || value === null) return false;
  const ffi: unknown = Reflect.get(value, 'ffi');
  const module: unknown = Reflect.get(value, 'module');
  const rt: unknown = Reflect.get(value, 'rt');
  return typeof ffi === 'object' && ffi !== null && typeof Reflect.get(ffi, 'QTS_FreeValuePointerRuntime') === 'function'
    && typeof module === 'object' && module !== null && typeof Reflect.get(module, '_malloc') === 'function' && typeof Reflect.get(module, 'cwrap') === 'function'
    && typeof rt === 'object' && rt !== null && typeof Reflect.get(rt, 'value') === 'number'
    && typeof Reflect.get(value, 'heapValueHandle') === 'function';
}

/**
 * Runs every pending promise job of the context's runtime through QuickJS's asyncified entry
 * point, so a job may block on a host call. Resolves with the exception a job threw, if any.
 */
export async function executePendingJobsAsync(context: QuickJSAsyncContext): Promise<QuickJSHandle | undefined> {
  const memory: unknown = Reflect.get(context, 'memory');
  if (!isAsyncJobsMemory(memory)) throw new Error('quickjs-emscripten changed: cannot run promise jobs asynchronously');
  const executePendingJob = memory.module.cwrap('QTS_ExecutePendingJob', 'number', ['number', 'number', 'number'], { async: true });
  const rt = memory.rt.value;
  const out = memory.module._malloc(4);
  try {
    new Int32Array(memory.module.HEAPU8.buffer, out, 1)[0] = 0;
    const valuePointer = await executePendingJob(rt, -1, out);
    // Read through the current buffer: the heap may have grown while a job was suspended.
    const jobContext = new Int32Array(memory.module.HEAPU8.buffer, out, 1)[0];
    if (jobContext === 0) {
      memory.ffi.QTS_FreeValuePointerRuntime(rt, valuePointer);
      return undefined;
    }
    const result = memory.heapValueHandle(valuePointer);
    if (context.typeof(result) === 'number') {
      result.dispose();
      return undefined;
    }
    return result;
  } finally {
    memory.module._free(out);
  }
}
