import type { Store } from '@flowyard/db';
import type { ScriptPool } from '@flowyard/engine';
import { log } from '../log';

/** How often the custom steps table's write generation (an in-memory counter) is looked at. */
const checkEveryMs = 500;

/**
 * Warms the script pool once the database holds a custom step: at start if it has one already,
 * else as soon as one is written. Two warm QuickJS workers take some 90 MB, which a server whose
 * flows use only built-in steps need not hold; a server with scripts still never makes its first
 * script run wait for a cold worker. Returns a stop function.
 */
export function warmScriptsWhenNeeded(store: Pick<Store, 'repos' | 'generations'>, scripts: Pick<ScriptPool, 'warmUp'>): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const warm = (): void => {
    stopped = true;
    clearInterval(timer);
    scripts.warmUp().catch((error: unknown) => log.error('The script sandbox could not start; custom steps will fail until it can', error));
  };
  const hasCustomSteps = (): Promise<boolean> => store.repos.customSteps.any();

  let seen = store.generations.of('custom_steps');
  hasCustomSteps()
    .then((found) => {
      if (stopped) return;
      if (found) return warm();
      timer = setInterval(() => {
        const now = store.generations.of('custom_steps');
        if (now === seen) return;
        seen = now;
        hasCustomSteps()
          .then((exists) => {
            if (exists && !stopped) warm();
          })
          .catch(() => undefined);
      }, checkEveryMs);
      timer.unref();
    })
    .catch((error: unknown) => {
      log.error('Could not tell whether custom steps exist; warming the script sandbox anyway', error);
      if (!stopped) warm();
    });
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
