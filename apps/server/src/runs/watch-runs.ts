import type { RunNotice } from '@flowyard/db';
import type { RunSummary, StepRecord } from '@flowyard/engine';
import type { RunEventBus } from './run-event-bus';
import type { RunHistory } from './run-history';

type RunRecord = { run: RunSummary; steps: StepRecord[] };

/** Where notices of other instances' run records come from (PostgreSQL: one LISTEN connection per instance). */
export interface RunNoticeSource {
  /** Starts telling `onNotice` every notice, and `onResync` when notices may have been missed (a reconnect). */
  start(handlers: { onNotice(notice: RunNotice): void; onResync(): void }): Promise<void>;
  close(): Promise<void>;
}

export interface RunWatcherOptions {
  history: RunHistory;
  bus: RunEventBus;
  /** This instance: its own notices are not news (its bus heard the records as they committed). */
  instanceId: string;
  /** How often a waiter reads the run anyway, in case a notice was lost (default 1 s). */
  pollMs?: number;
}

/** Runs whose last published state is remembered; beyond this the oldest are forgotten (they are read whole again). */
const maxTracked = 5_000;

/**
 * Live Activity and `?wait` for runs other instances execute: a notice says only that a run's
 * records moved; the watcher reads the run from the records and publishes to this instance's
 * subscribers the run and step records that changed since it last published them (catching up
 * by `seq`, so a burst of notices costs one read), and answers waiters once the run has ended.
 */
export function createRunWatcher({ history, bus, instanceId, pollMs = 1000 }: RunWatcherOptions) {
  // Per run: the newest seq heard, the one read, the JSON of each record last published.
  const tracked = new Map<string, { flowId: string; heard: number; read: number; reading: Promise<void> | null; published: Map<string, string> }>();
  const waiters = new Map<string, Set<(record: RunRecord) => void>>();

  const track = (runId: string, flowId: string) => {
    let entry = tracked.get(runId);
    if (entry === undefined) {
      entry = { flowId, heard: 0, read: -1, reading: null, published: new Map() };
      tracked.set(runId, entry);
      if (tracked.size > maxTracked) tracked.delete(tracked.keys().next().value ?? '');
    }
    return entry;
  };

  const settle = (runId: string, record: RunRecord): void => {
    if (record.run.status === 'running') return;
    const waiting = waiters.get(runId);
    waiters.delete(runId);
    for (const resolve of waiting ?? []) resolve(record);
  };

  /** Reads the run until what was read is at least what was heard, publishing what changed. */
  function catchUp(runId: string, flowId: string): Promise<void> {
    const entry = track(runId, flowId);
    if (entry.reading !== null) return entry.reading;
    entry.reading = (async () => {
      try {
        while (entry.read < entry.heard) {
          const target = entry.heard;
          const record = await history.get(runId);
          entry.read = target;
          if (record === undefined) return;
          if (bus.subscriberCount(flowId) > 0) publishChanges(entry.published, flowId, record);
          settle(runId, record);
        }
      } finally {
        entry.reading = null;
      }
    })();
    return entry.reading;
  }

  function publishChanges(published: Map<string, string>, flowId: string, record: RunRecord): void {
    // Steps first: a subscriber that hears the run end has heard every step of it.
    for (const step of record.steps) {
      const json = JSON.stringify(step);
      if (published.get(step.id) === json) continue;
      published.set(step.id, json);
      bus.publish(flowId, { type: 'step', step });
    }
    const json = JSON.stringify(record.run);
    if (published.get('run') === json) return;
    published.set('run', json);
    bus.publish(flowId, { type: 'run', run: record.run });
  }

  return {
    /** A notice from the channel. */
    notice(notice: RunNotice): void {
      if (notice.from === instanceId) return;
      if (bus.subscriberCount(notice.flowId) === 0 && !waiters.has(notice.runId)) return;
      const entry = track(notice.runId, notice.flowId);
      // Seqs of one writer grow; another writer (a later attempt) starts again, so any other seq is news too.
      entry.heard = notice.seq > entry.heard ? notice.seq : entry.heard + 1;
      void catchUp(notice.runId, notice.flowId).catch(() => undefined);
    },

    /** A run this instance executed has ended (its notices are its own, so they are not news here): its waiters read it. */
    endedHere(runId: string): void {
      if (!waiters.has(runId)) return;
      void history
        .get(runId)
        .then((record) => record && settle(runId, record))
        .catch(() => undefined);
    },

    /** Notices may have been missed: every run watched or waited for is read again. */
    resync(): void {
      for (const [runId, entry] of tracked) {
        if (bus.subscriberCount(entry.flowId) === 0 && !waiters.has(runId)) continue;
        entry.heard++;
        void catchUp(runId, entry.flowId).catch(() => undefined);
      }
    },

    /**
     * The run's record once it has ended, on whichever instance ran it; undefined when it is
     * still running after `timeoutMs`.
     */
    async waitForEnd(runId: string, timeoutMs: number): Promise<RunRecord | undefined> {
      let resolveEnd: (record: RunRecord) => void = () => undefined;
      const ended = new Promise<RunRecord>((resolve) => (resolveEnd = resolve));
      const set = waiters.get(runId) ?? new Set();
      set.add(resolveEnd);
      waiters.set(runId, set);
      let timer: NodeJS.Timeout | undefined;
      let poll: NodeJS.Timeout | undefined;
      const check = async (): Promise<void> => {
        const record = await history.get(runId);
        if (record !== undefined) settle(runId, record);
      };
      try {
        await check();
        poll = setInterval(() => void check().catch(() => undefined), pollMs);
        return await Promise.race([ended, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)))]);
      } finally {
        clearTimeout(timer);
        clearInterval(poll);
        waiters.get(runId)?.delete(resolveEnd);
        if (waiters.get(runId)?.size === 0) waiters.delete(runId);
      }
    },
  };
}

export type RunWatcher = ReturnType<typeof createRunWatcher>;
