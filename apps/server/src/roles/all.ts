import { startExecution } from './execution';
import type { RoleContext, StartedRole } from './role-context';
import { startWeb } from './web';

/**
 * Role `all` (the default, and the only one on SQLite): web and worker in one process. On SQLite
 * runs execute inline where they are admitted, as always, and stopping interrupts what is still
 * running after a short grace (there is no one to hand it to); on PostgreSQL this process also
 * consumes the shared queue like any worker.
 */
export async function startAll(context: RoleContext): Promise<StartedRole> {
  const execution = context.storage.queue.mode === 'shared' ? await startExecution(context) : undefined;
  const web = await startWeb(context);
  return {
    async stop() {
      // Stop taking requests first (answers already under way finish), then the runs.
      web.server.close();
      if (execution !== undefined) await execution.stop();
      // Inline runs still going after the grace period are marked interrupted at the next start.
      else await context.services.runs.stopAll(5_000);
      // Outbound integrations of the runs that just ended get a moment to finish their calls.
      await context.services.outboundEvents.whenIdle(5_000);
      await web.stop();
    },
  };
}
