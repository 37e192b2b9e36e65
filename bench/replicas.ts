// `npm run bench:replicas -- --users 2000`: the read-heavy workloads W1-W4 against the primary alone,
// the primary behind PgBouncer (prepare: false), and the primary plus one streaming replica; then the
// replica's lag while the write workloads W7 and W8 run. Its own cluster pair, seeded at --users, in a
// temporary folder (fsync off there: the figures compare configurations, not disks).
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { signToken } from '../src/auth/tokens';
import { createSql } from '../src/db/client';
import { parseLsn } from '../src/db/consistency';
import { seedAtScale } from '../src/seed/scale';
import { scaleSteps } from '../src/seed/steps';
import { startPgBouncer, startReplicatedCluster } from '../test/kit/replication';
import { captureStatements, type Latency, measureHttp } from './measure';
import { startServer } from './server';
import { type BenchContext, type Case, workloads } from './workloads';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '2000' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
  },
});
const users = Number(values.users);
const seconds = Number(values.duration);
const connections = Number(values.connections);
const log = (line: string) => console.error(`[bench:replicas ${new Date().toISOString().slice(11, 19)}] ${line}`);
const jwtSecret = 'spotter-bench-secret';

log('Starting a primary and a streaming standby');
const cluster = await startReplicatedCluster();
const primaryUrl = cluster.primary.url();
const standbyUrl = cluster.standby.url();
const sql = createSql(primaryUrl, { max: 4 });
const stopAll: (() => Promise<void>)[] = [async () => sql.end({ timeout: 5 }), () => cluster.stop()];
const cleanup = async () => {
  for (const stop of stopAll.reverse()) await stop().catch(() => undefined);
};
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

try {
  log(`Seeding ${users} users on the primary`);
  await seedAtScale(sql, { users }, scaleSteps);
  const bouncer = await startPgBouncer(cluster.primary.port, { poolSize: 10 });
  stopAll.push(() => bouncer.stop());

  /** The server process as deployed, with this configuration's settings in its environment. */
  async function server(databaseUrl: string, env: Record<string, string>) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const started = await startServer(databaseUrl, jwtSecret);
      stopAll.push(() => started.stop());
      return started;
    } finally {
      process.env = saved;
    }
  }

  const configurations: { name: string; url: string; env: Record<string, string> }[] = [
    { name: 'primary alone', url: primaryUrl, env: {} },
    { name: 'primary, prepare: false', url: primaryUrl, env: { DATABASE_PREPARE: 'false' } },
    {
      name: 'PgBouncer (transaction), prepare: false',
      url: bouncer.url('spotter'),
      env: { DATABASE_PREPARE: 'false', DATABASE_LISTEN_URL: primaryUrl },
    },
    { name: 'primary + 1 replica', url: primaryUrl, env: { DATABASE_REPLICA_URLS: standbyUrl } },
  ];

  const tokens = new Map<number, Promise<string>>();
  const contextFor = (origin: string): BenchContext => ({
    sql,
    origin,
    users,
    log,
    statements: async (operation) => (await captureStatements(primaryUrl, jwtSecret, operation)).names,
    token(userId) {
      if (!tokens.has(userId)) tokens.set(userId, signToken(userId, jwtSecret));
      return tokens.get(userId)!;
    },
  });

  const reads = workloads.filter((w) => ['W1', 'W2', 'W3', 'W4'].includes(w.id));
  const rows: { configuration: string; workload: string; case: string; latency: Latency }[] = [];
  for (const configuration of configurations) {
    const running = await server(configuration.url, configuration.env);
    log(`${configuration.name}: ${running.origin}`);
    for (const workload of reads) {
      const prepared = await workload.prepare(contextFor(running.origin));
      if (typeof prepared === 'string') {
        log(`${workload.id} skipped: ${prepared}`);
        continue;
      }
      for (const benchCase of prepared.cases.filter((c: Case) => c.saturate !== false)) {
        const latency = await measureHttp({ origin: running.origin, next: benchCase.next, connections, seconds }).catch(
          (error: unknown) => {
            log(`${configuration.name} ${workload.id} ${benchCase.name} FAILED: ${String(error)}`);
            return null;
          },
        );
        if (!latency) continue;
        rows.push({ configuration: configuration.name, workload: workload.id, case: benchCase.name, latency });
        log(
          `${configuration.name} ${workload.id} ${benchCase.name}: ${latency.rps.toFixed(0)} req/s, p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, ${latency.errors} errors`,
        );
      }
    }
    await running.stop();
  }

  // Lag while writing: the write workloads against the replicated configuration, with the primary's
  // WAL position and the standby's replayed position sampled every 20 ms.
  const replicated = await server(primaryUrl, { DATABASE_REPLICA_URLS: standbyUrl });
  const primaryProbe = postgres(primaryUrl, { max: 1 });
  const standbyProbe = postgres(standbyUrl, { max: 1 });
  stopAll.push(async () => {
    await primaryProbe.end();
    await standbyProbe.end();
  });
  const lag: { workload: string; samples: number; p50: number; p95: number; max: number; maxBytes: number }[] = [];
  for (const workload of workloads.filter((w) => ['W7', 'W8'].includes(w.id))) {
    const prepared = await workload.prepare(contextFor(replicated.origin));
    if (typeof prepared === 'string') {
      log(`${workload.id} skipped: ${prepared}`);
      continue;
    }
    const history: { lsn: bigint; at: number }[] = [];
    const lags: number[] = [];
    let maxBytes = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [p] = await primaryProbe`select pg_current_wal_insert_lsn()::text as lsn`;
        history.push({ lsn: parseLsn(p!.lsn)!, at: Date.now() });
        const [s] = await standbyProbe`select pg_last_wal_replay_lsn()::text as lsn`;
        const replayed = parseLsn(s!.lsn)!;
        const behind = history.find((sample) => sample.lsn > replayed);
        lags.push(behind ? Date.now() - behind.at : 0);
        maxBytes = Math.max(maxBytes, Number(history.at(-1)!.lsn - replayed));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const latency = await measureHttp({
      origin: replicated.origin,
      next: prepared.cases[0]!.next,
      connections,
      seconds,
    });
    sampling = false;
    await sampler;
    lags.sort((a, b) => a - b);
    const at = (p: number) => lags[Math.min(lags.length - 1, Math.floor((p / 100) * lags.length))] ?? 0;
    lag.push({ workload: workload.id, samples: lags.length, p50: at(50), p95: at(95), max: at(100), maxBytes });
    log(
      `${workload.id} at ${latency.rps.toFixed(0)} req/s: replica lag p50 ${at(50)} ms, p95 ${at(95)} ms, max ${at(100)} ms, at most ${maxBytes} bytes behind`,
    );
  }

  const lines = [
    `# Read replicas and PgBouncer, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `${users} users, ${seconds} s per run at ${connections} connections, ${cpus().length} cores (load ${loadavg()[0]!.toFixed(1)} at the end); primary and standby on this machine.`,
    '',
    '| workload | case | configuration | req/s | p50 ms | p95 ms | errors |',
    '|---|---|---|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.workload} | ${r.case} | ${r.configuration} | ${r.latency.rps.toFixed(0)} | ${r.latency.p50.toFixed(1)} | ${r.latency.p95.toFixed(1)} | ${r.latency.errors} |`,
    ),
    '',
    '| write workload | lag samples | p50 ms | p95 ms | max ms | max bytes behind |',
    '|---|---:|---:|---:|---:|---:|',
    ...lag.map((l) => `| ${l.workload} | ${l.samples} | ${l.p50} | ${l.p95} | ${l.max} | ${l.maxBytes} |`),
    '',
  ];
  const file = `bench/results/${new Date().toISOString().slice(0, 10)}-replicas-${users}-users.md`;
  await writeFile(file, lines.join('\n'));
  console.log(lines.join('\n'));
  log(`Wrote ${file}`);
} finally {
  await cleanup();
}
