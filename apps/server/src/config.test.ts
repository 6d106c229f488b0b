import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults: port 3000, ./data under the start folder, the built web app beside the server', () => {
    const config = loadConfig({}, '/srv/flowyard');
    expect(config).toEqual({
      port: 3000,
      host: undefined,
      dataDir: '/srv/flowyard/data',
      databaseUrl: undefined,
      secretKey: undefined,
      publicUrl: 'http://localhost:3000',
      webDist: join(fileURLToPath(new URL('.', import.meta.url)), '../../web/dist'),
      dbSynchronous: 'normal',
      recordFlushMs: 0,
      maxResponseBytes: 10 * 1024 * 1024,
      allowedOrigins: [],
      trustProxyHops: 0,
      scriptWorkers: availableParallelism(),
      role: 'all',
      workerPort: 3001,
      workerConcurrency: 10,
      runLeaseMs: 30_000,
      runMaxAttempts: 3,
      shutdownTimeoutMs: 30_000,
    });
  });

  it('reads PORT, FLOWYARD_* and resolves relative folders against the folder pnpm was started in', () => {
    const config = loadConfig(
      { PORT: '8080', HOST: '127.0.0.1', FLOWYARD_DATA_DIR: 'var/db', FLOWYARD_PUBLIC_URL: 'https://flows.example.com/', FLOWYARD_SECRET_KEY: 'k', INIT_CWD: '/repo' },
      '/repo/apps/server',
    );
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: '/repo/var/db', publicUrl: 'https://flows.example.com', secretKey: 'k' });
    expect(loadConfig({ PORT: '8080' }, '/x').publicUrl).toBe('http://localhost:8080');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, '/')).toThrow(/PORT/);
    expect(() => loadConfig({ FLOWYARD_PUBLIC_URL: 'ftp://x' }, '/')).toThrow(/FLOWYARD_PUBLIC_URL/);
    expect(() => loadConfig({ FLOWYARD_DB_SYNCHRONOUS: 'off' }, '/')).toThrow(/FLOWYARD_DB_SYNCHRONOUS/);
    expect(loadConfig({ FLOWYARD_DB_SYNCHRONOUS: 'full' }, '/').dbSynchronous).toBe('full');
    expect(() => loadConfig({ FLOWYARD_RECORD_FLUSH_MS: '5000' }, '/')).toThrow(/FLOWYARD_RECORD_FLUSH_MS/);
    expect(loadConfig({ FLOWYARD_RECORD_FLUSH_MS: '2' }, '/').recordFlushMs).toBe(2);
    expect(() => loadConfig({ FLOWYARD_MAX_RESPONSE_BYTES: '1000' }, '/')).toThrow(/FLOWYARD_MAX_RESPONSE_BYTES/);
    expect(() => loadConfig({ FLOWYARD_MAX_RESPONSE_BYTES: '10MB' }, '/')).toThrow(/FLOWYARD_MAX_RESPONSE_BYTES/);
    expect(loadConfig({ FLOWYARD_MAX_RESPONSE_BYTES: '1048576' }, '/').maxResponseBytes).toBe(1024 * 1024);
  });

  it('reads FLOWYARD_DATABASE_URL as a PostgreSQL URL (blank keeps SQLite), and refuses any other, naming the variable', () => {
    expect(loadConfig({ FLOWYARD_DATABASE_URL: ' postgres://fy:pw@db.internal:5432/flowyard ' }, '/').databaseUrl).toBe('postgres://fy:pw@db.internal:5432/flowyard');
    expect(loadConfig({ FLOWYARD_DATABASE_URL: 'postgresql://db/flowyard' }, '/').databaseUrl).toBe('postgresql://db/flowyard');
    expect(loadConfig({ FLOWYARD_DATABASE_URL: '' }, '/').databaseUrl).toBeUndefined();
    for (const url of ['file:/srv/flowyard.db', 'mysql://db/flowyard', 'postgres://']) {
      expect(() => loadConfig({ FLOWYARD_DATABASE_URL: url }, '/')).toThrow(/FLOWYARD_DATABASE_URL: FLOWYARD_DATABASE_URL must be a PostgreSQL URL/);
    }
  });

  it('reads FLOWYARD_ALLOWED_ORIGINS as origins, and refuses one that is not an http(s) URL, naming the variable', () => {
    expect(loadConfig({ FLOWYARD_ALLOWED_ORIGINS: ' https://Flows.Example.com/app , http://10.0.0.5:8080,' }, '/').allowedOrigins).toEqual([
      'https://flows.example.com',
      'http://10.0.0.5:8080',
    ]);
    expect(() => loadConfig({ FLOWYARD_ALLOWED_ORIGINS: 'flows.example.com' }, '/')).toThrow(/FLOWYARD_ALLOWED_ORIGINS: "flows.example.com"/);
    expect(() => loadConfig({ FLOWYARD_ALLOWED_ORIGINS: 'ftp://x.example' }, '/')).toThrow(/FLOWYARD_ALLOWED_ORIGINS/);
  });

  it('reads FLOWYARD_TRUST_PROXY as a number of proxies (true is one) and FLOWYARD_SCRIPT_WORKERS', () => {
    const hops = (value: string) => loadConfig({ FLOWYARD_TRUST_PROXY: value }, '/').trustProxyHops;
    expect([hops(''), hops('false'), hops('0'), hops('true'), hops('TRUE'), hops('1'), hops('2')]).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(() => hops('yes')).toThrow(/FLOWYARD_TRUST_PROXY/);
    expect(() => hops('-1')).toThrow(/FLOWYARD_TRUST_PROXY/);
    expect(loadConfig({ FLOWYARD_SCRIPT_WORKERS: '6' }, '/').scriptWorkers).toBe(6);
  });

  it('refuses the web and worker roles on SQLite, saying why', () => {
    expect(() => loadConfig({ FLOWYARD_ROLE: 'worker' }, '/')).toThrow(/FLOWYARD_ROLE: worker needs FLOWYARD_DATABASE_URL \(PostgreSQL\)\. On SQLite one process owns the database file/);
    expect(() => loadConfig({ FLOWYARD_ROLE: 'web' }, '/')).toThrow(/web needs FLOWYARD_DATABASE_URL/);
    expect(() => loadConfig({ FLOWYARD_ROLE: 'boss' }, '/')).toThrow(/FLOWYARD_ROLE must be all, web or worker/);
    const worker = loadConfig({ FLOWYARD_ROLE: 'worker', FLOWYARD_DATABASE_URL: 'postgres://127.0.0.1/x', FLOWYARD_WORKER_CONCURRENCY: '4' }, '/');
    expect([worker.role, worker.workerConcurrency]).toEqual(['worker', 4]);
    expect(() => loadConfig({ FLOWYARD_SCRIPT_WORKERS: '0' }, '/')).toThrow(/FLOWYARD_SCRIPT_WORKERS/);
  });
});
