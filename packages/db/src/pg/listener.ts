import { Client } from 'pg';

export interface ListenerOptions {
  url: string;
  channel: string;
  /** Told every notification's payload. */
  onNotification(payload: string | undefined): void;
  /** Told when the connection was lost and is listening again: notifications may have been missed meanwhile. */
  onReconnected(): void;
  /** Told when listening failed (it will retry); the default stays silent. */
  onError?(error: Error): void;
  applicationName?: string;
  /** First wait before reconnecting (default 100 ms), doubled on every failure up to `maxBackoffMs` (default 5 s). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface Listener {
  /** Resolves once listening the first time (rejects if that first connection fails). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * One dedicated connection that LISTENs on `channel` for as long as it is open, connecting again
 * with backoff when it is lost (a pooled connection cannot: the pool would lend it out).
 */
export function listen(options: ListenerOptions): Listener {
  const minBackoff = options.minBackoffMs ?? 100;
  const maxBackoff = options.maxBackoffMs ?? 5000;
  let closed = false;
  let client: Client | undefined;
  let backoff = minBackoff;
  let timer: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const next = new Client({ connectionString: options.url, application_name: options.applicationName ?? 'flowyard-listen' });
    let lost = false;
    const onLost = (error?: Error): void => {
      if (lost) return;
      lost = true;
      if (error !== undefined) options.onError?.(error);
      void next.end().catch(() => undefined);
      if (client === next) client = undefined;
      if (!closed) scheduleReconnect();
    };
    next.on('notification', (message) => {
      if (message.channel === options.channel) options.onNotification(message.payload);
    });
    next.on('error', onLost);
    next.on('end', () => onLost());
    try {
      await next.connect();
      await next.query(`LISTEN ${next.escapeIdentifier(options.channel)}`);
    } catch (error) {
      lost = true;
      await next.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    backoff = minBackoff;
  }

  function scheduleReconnect(): void {
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        () => {
          if (!closed) options.onReconnected();
        },
        (error: unknown) => {
          options.onError?.(error instanceof Error ? error : new Error(String(error)));
          backoff = Math.min(backoff * 2, maxBackoff);
          if (!closed) scheduleReconnect();
        },
      );
    }, backoff);
    timer.unref();
  }

  return {
    ready: connect(),
    async close() {
      closed = true;
      clearTimeout(timer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
