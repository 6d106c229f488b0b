import type { Page } from '@playwright/test';

/** How often, while counting, each step's card and overview-map shape rendered, by node id. */
export interface RenderCounts {
  commits: number;
  stepCards: Record<string, number>;
  mapNodes: Record<string, number>;
}

/** The few fields of a React fiber the counter reads (React's internals, as React DevTools reads them). */
interface Fiber {
  tag: number;
  flags: number;
  alternate: Fiber | null;
  child: Fiber | null;
  sibling: Fiber | null;
  stateNode: unknown;
  memoizedProps: unknown;
}

interface CounterState extends RenderCounts {
  counting: boolean;
}

declare global {
  interface Window {
    __renderCounter?: CounterState;
  }
}

/**
 * Installed before the app loads (page.addInitScript): a stand-in React DevTools hook. After each
 * commit it walks what React rendered (a subtree React skipped keeps its old child fibers and is
 * not entered) and counts the function components that did work (the PerformedWork flag, as
 * DevTools' didFiberRender reads it) whose first element is a step card (`.fy-step-card`) or an
 * overview-map shape (`.react-flow__minimap-node`): a step's node component and its card count
 * one each, as do the map's wrapper and shape. Works on the production build: it needs no
 * component names. Render counts are exact, unlike timings.
 */
function installRenderCounter(): void {
  const state: CounterState = { counting: false, commits: 0, stepCards: {}, mapNodes: {} };
  const FUNCTION_TAGS = new Set([0, 11, 14, 15]);
  const PERFORMED_WORK = 1;
  const HOST_COMPONENT = 5;
  // The element a component draws first: down its first children to the first DOM element.
  const firstElement = (fiber: Fiber): unknown => {
    let child = fiber.child;
    for (let depth = 0; child && depth < 8; depth++, child = child.child) {
      if (child.tag === HOST_COMPONENT) return child.stateNode;
    }
    return null;
  };
  const count = (fiber: Fiber) => {
    const element = firstElement(fiber);
    if (!(element instanceof Element)) return;
    if (element.classList.contains('fy-step-card')) {
      const id = element.closest('.react-flow__node')?.getAttribute('data-id') ?? '?';
      state.stepCards[id] = (state.stepCards[id] ?? 0) + 1;
    } else if (element.classList.contains('react-flow__minimap-node')) {
      // The map draws bare shapes; its components take the node's id as a prop.
      const props = fiber.memoizedProps;
      const id = typeof props === 'object' && props !== null && 'id' in props && typeof props.id === 'string' ? props.id : '?';
      state.mapNodes[id] = (state.mapNodes[id] ?? 0) + 1;
    }
  };
  const walk = (start: Fiber | null) => {
    const stack: (Fiber | null)[] = [];
    let fiber = start;
    while (fiber) {
      if (FUNCTION_TAGS.has(fiber.tag) && (fiber.flags & PERFORMED_WORK) !== 0 && fiber.alternate !== null) count(fiber);
      if (fiber.child && (fiber.alternate === null || fiber.child !== fiber.alternate.child)) {
        stack.push(fiber.sibling);
        fiber = fiber.child;
      } else {
        fiber = fiber.sibling;
        while (!fiber && stack.length > 0) fiber = stack.pop() ?? null;
      }
    }
  };
  let renderers = 0;
  Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
    value: {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => ++renderers,
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
        if (!state.counting) return;
        state.commits++;
        walk(root.current.child);
      },
      onCommitFiberUnmount: () => {},
      onPostCommitFiberRoot: () => {},
      checkDCE: () => {},
    },
  });
  window.__renderCounter = state;
}

/** Counts renders of step cards and overview-map shapes in `page` (install before it loads). */
export class RenderCounter {
  private constructor(private readonly page: Page) {}

  static async install(page: Page): Promise<RenderCounter> {
    await page.addInitScript(installRenderCounter);
    return new RenderCounter(page);
  }

  async start(): Promise<void> {
    await this.page.evaluate(() => {
      const state = window.__renderCounter;
      if (!state) throw new Error('the render counter is not installed');
      Object.assign(state, { counting: true, commits: 0, stepCards: {}, mapNodes: {} });
    });
  }

  async stop(): Promise<RenderCounts> {
    return this.page.evaluate(() => {
      const state = window.__renderCounter;
      if (!state) throw new Error('the render counter is not installed');
      state.counting = false;
      return { commits: state.commits, stepCards: { ...state.stepCards }, mapNodes: { ...state.mapNodes } };
    });
  }
}
