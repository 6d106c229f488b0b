import variant from '@jitl/quickjs-singlefile-mjs-release-asyncify';
import { newQuickJSAsyncWASMModuleFromVariant, newVariant, type QuickJSAsyncWASMModule } from 'quickjs-emscripten-core';

// This TypeScript setup has no WebAssembly typings (no DOM lib); describe the little used here.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(deltaPages: number): number;
}
interface WasmMemoryConstructor {
  new (descriptor: { initial: number; maximum: number }): WasmMemory;
}
const { Memory } = Reflect.get(globalThis, 'WebAssembly') as { Memory: WasmMemoryConstructor };

const PAGE = 64 * 1024;
// Emscripten's defaults for this build: 16 MiB initial heap, growing to at most 2 GiB.
const INITIAL_PAGES = (16 * 1024 * 1024) / PAGE;
const MAXIMUM_PAGES = 32_768;

/**
 * Tracks how far the WebAssembly heap of a script may grow. QuickJS's own memory limit is
 * unreliable under Emscripten (it counts ~8 bytes per allocation, whatever its size), so the
 * limit is enforced where memory really comes from: growing the module's linear memory.
 * A refused `grow` makes malloc fail, which QuickJS turns into "out of memory".
 */
export interface MemoryBudget {
  /** Allows the heap to grow to `limitBytes` above the engine's own footprint. */
  begin(limitBytes: number): void;
  /** Extra room to read a failed script's error (its budget is spent by then). */
  extend(extraBytes: number): void;
  end(): void;
  /** True when the current script asked for more memory than its budget. */
  readonly exceeded: boolean;
}

/** One QuickJS WebAssembly module with its own linear memory, reused by consecutive runs. */
export interface ScriptEngine {
  module: QuickJSAsyncWASMModule;
  budget: MemoryBudget;
  /** Heap bytes in use or held free for reuse; memory never shrinks. */
  heapBytes(): number;
  /** Heap size right after loading, before any script ran. */
  baselineBytes: number;
}

/** Loads a fresh engine: a new module instance on a new, guarded memory. */
export async function loadScriptEngine(): Promise<ScriptEngine> {
  const memory = new Memory({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES });
  let allowedBytes = Number.POSITIVE_INFINITY;
  let exceeded = false;
  const grow = memory.grow.bind(memory);
  // Emscripten calls memory.grow() inside try/catch and reports failure to malloc.
  Object.defineProperty(memory, 'grow', {
    value: (deltaPages: number): number => {
      if (memory.buffer.byteLength + deltaPages * PAGE > allowedBytes) {
        exceeded = true;
        throw new RangeError('The script exceeded its memory limit');
      }
      return grow(deltaPages);
    },
  });
  const module = await newQuickJSAsyncWASMModuleFromVariant(newVariant(variant, { wasmMemory: memory }));
  const baselineBytes = memory.buffer.byteLength;
  return {
    module,
    baselineBytes,
    heapBytes: () => memory.buffer.byteLength,
    budget: {
      begin(limitBytes) {
        exceeded = false;
        allowedBytes = baselineBytes + limitBytes;
      },
      extend(extraBytes) {
        allowedBytes += extraBytes;
      },
      end() {
        allowedBytes = Number.POSITIVE_INFINITY;
      },
      get exceeded() {
        return exceeded;
      },
    },
  };
}
