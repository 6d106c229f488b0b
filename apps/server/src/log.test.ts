import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureLog, log, logIdentity } from './log';

afterEach(() => {
  vi.restoreAllMocks();
  configureLog({ role: 'all' });
});

function captureLines(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    for (const line of text.split('\n').filter((part) => part !== '')) lines.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  });
  return lines;
}

describe('log lines', () => {
  it('are one JSON object per line with the instance, the role and the run id', () => {
    configureLog({ role: 'worker', instanceId: 'worker-7' });
    const lines = captureLines();
    log.info('Started');
    log.error('The run stopped unexpectedly', new Error('boom'), { runId: 'r1' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', instance: 'worker-7', role: 'worker', msg: 'Started' });
    expect(lines[0]?.time).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(lines[1]).toMatchObject({ level: 'error', instance: 'worker-7', role: 'worker', runId: 'r1', msg: 'The run stopped unexpectedly', err: { message: 'boom' } });
    expect(logIdentity()).toEqual({ role: 'worker', instance: 'worker-7' });
  });
});
