import { listen, runsChannel, type Listener } from '@flowyard/db/pg';
import { z } from 'zod';
import { log } from '../log';
import type { RunNoticeSource } from '../runs/watch-runs';

const noticeSchema = z.object({
  runId: z.string().min(1).max(100),
  flowId: z.string().min(1).max(100),
  seq: z.number().int().min(0),
  from: z.string().min(1).max(100),
});

/**
 * Run notices on PostgreSQL: one dedicated LISTEN connection per instance on `flowyard_runs`
 * (reconnecting with backoff; after a reconnect, what was missed is read again).
 */
export function createPgRunNotices(url: string, applicationName: string): RunNoticeSource {
  let listener: Listener | undefined;
  return {
    async start({ onNotice, onResync }) {
      if (listener !== undefined) return;
      listener = listen({
        url,
        channel: runsChannel,
        applicationName: `${applicationName}-runs`,
        onNotification(payload) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(payload ?? '');
          } catch {
            return;
          }
          const notice = noticeSchema.safeParse(parsed);
          if (notice.success) onNotice(notice.data);
        },
        onReconnected: onResync,
        onError: (error) => log.warn(`Listening for run notices failed; retrying (${error.message})`),
      });
      await listener.ready;
    },
    async close() {
      await listener?.close();
      listener = undefined;
    },
  };
}
