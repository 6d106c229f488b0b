// Preload (node --import ./profile-on-signal.mjs server.js): the first SIGUSR2 starts a CPU
// profile of the main thread, the next one writes it to $PROFILE_DIR (default the cwd) as
// steady-<time>.cpuprofile, so a profile can cover a load test without the server's start-up.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const session = new Session();
session.connect();
let profiling = false;
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));

process.on('SIGUSR2', async () => {
  try {
    if (!profiling) {
      profiling = true;
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 500 });
      await post('Profiler.start');
      return;
    }
    profiling = false;
    const { profile } = await post('Profiler.stop');
    const file = join(process.env.PROFILE_DIR ?? process.cwd(), `steady-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.error(`[profile] wrote ${file}`);
  } catch (error) {
    console.error('[profile] failed', error);
  }
});
