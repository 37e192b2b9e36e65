import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { signToken } from '../src/auth/tokens';
import { createSql, type Sql } from '../src/db/client';
import { scaleSteps } from '../src/seed/steps';
import { postmasterPidOf } from './cluster-cpu';
import { openBenchDatabase } from './database';
import { execute, schemaCoordinates } from './graphql';
import { captureStatements, type Latency, measureFloor, measureHttp, responseBytes } from './measure';
import { PEERS_ALIAS, peerOf, peerVersions, peerWorkloads, startPostGraphile } from './peers/postgraphile';
import { type CaseResult, gitCommit, type Results, type WorkloadResult, writeReport } from './report';
import { type RunningServer, startProcess, startServer } from './server';
import { SOAK } from './soak';
import { measureSpeed, startFloorServer } from './speed';
import { speedWorkloads } from './speed-workloads';
import { M1 } from './subscription-memory';
import { type BenchContext, workloads as standardWorkloads } from './workloads';

const workloads = [...standardWorkloads, ...speedWorkloads, M1, ...peerWorkloads, SOAK];
/** `--only peers`: issue 24's comparison with PostGraphile v5 (V0-V4); `--only traces`: T1. */
const aliases: Record<string, string[]> = { [PEERS_ALIAS]: peerWorkloads.map((w) => w.id), TRACES: ['T1'] };

const usage = `Usage: npm run bench -- [--users N] [--duration S] [--connections N] [--only W1,W5] [--reseed]
       npm run bench -- --only soak [--minutes M] [--rate R] [--heap-snapshots DIR] [--cpu-profiles DIR]
                                 [--server-node-args="ARGS"]
  --users        scale of the seeded database (default 100000; 2000 for --only soak)
  --duration     seconds per measured run (default 8)
  --connections  concurrent connections for the saturated run (default 16)
  --only         run only these workloads; \`peers\` runs V0-V4, Spotter against PostGraphile v5; \`traces\` runs T1
  --rounds       interleaved rounds of the issue-10 speed cases (P0-P4), medians reported (default 3)
  --minutes      length of the soak, after its warm-up (default 10)
  --warm-up      seconds of the soak's load before its measured minutes (default 300)
  --rate         the soak's requests per second over both server processes (default 40)
  --heap-snapshots  write the soak's first server's heap at the warm-up's end, mid-run (from 4 minutes) and
                 once the load stopped into DIR, for bench/heap-diff.ts (the first snapshot's pause falls in minute 1)
  --cpu-profiles  profile the soak's first server over its first and its last minutes (a third of the run,
                 5 minutes at most each) into DIR, for bench/cpu-profile-diff.ts (needs --minutes 3 or more)
  --server-node-args="ARGS"  more Node.js options for the soak's two servers, space-separated (an experiment's
                 V8 flags, say); the report names them
  --reseed       drop the bench database of this scale and seed it again
  DATABASE_URL   use this (empty, or bench-seeded) database instead of the embedded cluster in bench/data/`;

const { values } = parseArgs({
  options: {
    users: { type: 'string' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '16' },
    only: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    minutes: { type: 'string', default: '10' },
    'warm-up': { type: 'string', default: '300' },
    rate: { type: 'string', default: '40' },
    'heap-snapshots': { type: 'string' },
    'cpu-profiles': { type: 'string' },
    'server-node-args': { type: 'string' },
    reseed: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const only = values.only ? new Set(values.only.split(',').map((id) => id.trim().toUpperCase())) : null;
// The soak is about time, not scale: the small database is seeded and migrated in seconds.
const soakOnly = only?.size === 1 && only.has(SOAK.id);
const users = Number(values.users ?? (soakOnly ? 2000 : 100_000));
const seconds = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const minutes = Number(values.minutes);
const warmUpSeconds = Number(values['warm-up']);
const rate = Number(values.rate);
if (
  !Number.isInteger(minutes) ||
  minutes < 1 ||
  !Number.isInteger(warmUpSeconds) ||
  warmUpSeconds < 10 ||
  (values['cpu-profiles'] && minutes < 3) ||
  !(rate > 0) ||
  !Number.isInteger(rounds) ||
  rounds < 1 ||
  values.help ||
  !Number.isInteger(users) ||
  users < 10 ||
  !(seconds > 0) ||
  !Number.isInteger(connections) ||
  connections < 2
) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const selected = only ? new Set([...only].flatMap((id) => aliases[id] ?? [id])) : null;
const unknown = [...(selected ?? [])].filter((id) => !workloads.some((w) => w.id === id));
if (unknown.length > 0) {
  const known = [...workloads.map((w) => w.id), ...Object.keys(aliases).map((alias) => alias.toLowerCase())];
  console.error(`Unknown workloads: ${unknown.join(', ')} (there are ${known.join(', ')})`);
  process.exit(2);
}

/** Requests captured per read case for the raw-SQL floor. */
const FLOOR_VARIANTS = 6;
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const jwtSecret = 'spotter-bench-secret';
const startedAt = new Date();
const loadBefore = loadavg()[0]!;

const dataDir = process.env.SPOTTER_BENCH_DATA_DIR || 'bench/data';
const database = await openBenchDatabase({
  users,
  steps: scaleSteps,
  databaseUrl: process.env.DATABASE_URL || null,
  dataDir,
  port: Number(process.env.SPOTTER_BENCH_PORT || 54339),
  reseed: values.reseed,
  log,
});
const server = await startServer(database.url, jwtSecret).catch(async (error: unknown) => {
  await database.stop();
  throw error;
});
log(
  `Server ${server.origin} (pid ${server.pid}) on ${database.embedded ? 'the embedded bench cluster' : 'DATABASE_URL'}`,
);
const floorSql = createSql(database.url);
const statementsSql = await statementStats(floorSql);
/** The cluster's postmaster, whose CPU (every backend) is read per request beside the server's. */
const postmasterPid = database.embedded ? postmasterPidOf(dataDir) : null;
/** Servers the workloads started (S4, M1, the soak): an interrupted run stops them too. */
const moreServers: RunningServer[] = [];
process.once('SIGINT', () => {
  log('Interrupted: stopping the servers and the database.');
  void Promise.all([server.stop(), postgraphile?.stop(), ...moreServers.map((s) => s.stop())])
    .then(() => database.stop())
    .finally(() => process.exit(130));
});

const tokens = new Map<number, Promise<string>>();
const ctx: BenchContext = {
  sql: database.sql,
  origin: server.origin,
  users: database.seed.users,
  log,
  statements: async (operation) => (await captureStatements(database.url, jwtSecret, operation)).names,
  async secondServer(options) {
    const started = await startServer(database.url, jwtSecret, options);
    moreServers.push(started);
    return started;
  },
  load: { pid: server.pid, seconds, rounds },
  soak: {
    minutes,
    warmUpSeconds,
    rate,
    postmasterPid,
    heapSnapshots: values['heap-snapshots'] ?? null,
    cpuProfiles: values['cpu-profiles'] ?? null,
    serverNodeArgs: values['server-node-args']?.split(/\s+/).filter(Boolean) ?? [],
  },
  token(userId) {
    let token = tokens.get(userId);
    if (!token) {
      token = signToken(userId, jwtSecret);
      tokens.set(userId, token);
    }
    return token;
  },
};

const results: WorkloadResult[] = [];
let bareYoga: RunningServer | null = null;
let postgraphile: RunningServer | null = null;
try {
  const coordinates = await schemaCoordinates(server.origin);
  for (const workload of workloads) {
    // The soak takes minutes: it runs only when asked for by name.
    if (selected ? !selected.has(workload.id) : workload === SOAK) continue;
    const base = { id: workload.id, title: workload.title, kind: workload.kind };
    const missing = workload.needs.filter((coordinate) => !coordinates.has(coordinate));
    if (missing.length > 0) {
      log(`${workload.id}: skipped, the schema lacks ${missing.join(', ')}`);
      results.push({ ...base, status: 'skipped', reason: `schema lacks ${missing.join(', ')}`, ...empty() });
      continue;
    }
    try {
      const prepared = await workload.prepare(ctx);
      if (typeof prepared === 'string') {
        log(`${workload.id}: skipped, ${prepared}`);
        results.push({ ...base, status: 'skipped', reason: prepared, ...empty() });
        continue;
      }
      const cases: CaseResult[] = [];
      for (const benchCase of prepared.cases) {
        if (benchCase.speed) {
          const bare = benchCase.speed.against === 'bare-yoga';
          bareYoga ??= bare ? await startProcess(['--import', 'tsx', 'bench/yoga-baseline-server.ts'], {}) : null;
          const peer = peerOf(benchCase);
          if (peer && !postgraphile) {
            postgraphile = await startPostGraphile(database.url, log);
            log(`PostGraphile ${postgraphile.origin} (pid ${postgraphile.pid})`);
          }
          const target = bare ? bareYoga! : server;
          let capture: { names: string[]; waves: unknown[] } = { names: [], waves: [] };
          let floorStatements = 0;
          const variants: { waves: Awaited<ReturnType<typeof captureStatements>>['waves']; body: string }[] = [];
          if (!bare) {
            for (let i = 0; i < (benchCase.floor ? FLOOR_VARIANTS : 1); i += 1) {
              const operation = benchCase.next();
              // Spotter's own statements are counted; the floor replays the naive ones (nothing folded).
              if (i === 0) capture = await captureStatements(database.url, jwtSecret, operation);
              const naive = await captureStatements(database.url, jwtSecret, operation, false);
              if (i === 0) floorStatements = naive.names.length;
              variants.push({ waves: naive.waves, body: await responseBytes(server.origin, operation) });
            }
          }
          const body = variants[0]?.body ?? (await responseBytes(target.origin, benchCase.next()));
          if (body.includes('"errors":[')) throw new Error(`${benchCase.name}: ${body.slice(0, 400)}`);
          log(
            `${workload.id} ${benchCase.name}: ${capture.names.length} statements (floor ${floorStatements}), ${body.length} bytes; ${rounds} rounds…`,
          );
          // The peer's rows are checked equal to Spotter's before anything is measured.
          const rowsChecked = peer ? await peer.check(server.origin, postgraphile!.origin) : null;
          const peerBody = peer ? await responseBytes(postgraphile!.origin, peer.next()) : null;
          if (peerBody?.includes('"errors":[')) throw new Error(`${benchCase.name}: ${peerBody.slice(0, 400)}`);
          if (peer)
            log(`${workload.id} ${benchCase.name}: PostGraphile rows ${rowsChecked}, ${peerBody!.length} bytes`);
          const floorServer = benchCase.floor ? await startFloorServer(database.url, variants) : null;
          let levels: Awaited<ReturnType<typeof measureSpeed>>;
          try {
            levels = await measureSpeed({
              graphql: target,
              floor: floorServer,
              next: benchCase.next,
              peer: peer ? { server: postgraphile!, next: peer.next } : null,
              postmasterPid,
              statementsSql,
              levels: peer?.levels,
              rounds,
              seconds,
              log: (line) => log(`${workload.id} ${benchCase.name}: ${line}`),
            });
          } finally {
            await floorServer?.stop();
          }
          const first = levels[0]!;
          cases.push({
            name: benchCase.name,
            statements: capture.names.length,
            statementNames: capture.names,
            floorStatements,
            waves: capture.waves.length,
            c1: first.graphql,
            saturated: null,
            floor: first.floor,
            ratio: first.floor ? first.graphql.p50 / first.floor.p50 : null,
            speed: {
              rounds,
              bytes: Buffer.byteLength(body),
              levels,
              ...(peer
                ? { peer: { name: peerName(), bytes: Buffer.byteLength(peerBody!), rowsChecked: rowsChecked! } }
                : {}),
            },
          });
          continue;
        }
        // In process first: its development config shows an error in full, where production masks it.
        const capture = await captureStatements(database.url, jwtSecret, benchCase.next());
        const probe = await execute(server.origin, benchCase.next());
        if (probe.errors?.length) throw new Error(`${benchCase.name}: ${JSON.stringify(probe.errors).slice(0, 400)}`);
        const statements = capture.names.length;
        log(`${workload.id} ${benchCase.name}: ${statements} statements; concurrency 1…`);
        const c1 = await measureHttp({ origin: server.origin, next: benchCase.next, connections: 1, seconds });
        let saturated: Latency | null = null;
        if (benchCase.saturate !== false) {
          log(`${workload.id} ${benchCase.name}: concurrency ${connections}…`);
          saturated = await measureHttp({ origin: server.origin, next: benchCase.next, connections, seconds });
        }
        let floor: Latency | null = null;
        if (benchCase.floor) {
          log(`${workload.id} ${benchCase.name}: raw-SQL floor, ${capture.waves.length} round trips…`);
          // Cases that rotate subjects get a floor that rotates through as many of them.
          const more = [];
          for (let i = 0; i < FLOOR_VARIANTS - 1; i += 1) {
            more.push((await captureStatements(database.url, jwtSecret, benchCase.next())).waves);
          }
          floor = await measureFloor(floorSql, [capture.waves, ...more], Math.max(2, seconds / 2));
        }
        cases.push({
          name: benchCase.name,
          statements,
          statementNames: capture.names,
          waves: capture.waves.length,
          c1,
          saturated,
          floor,
          ratio: floor && Number.isFinite(c1.p50 / floor.p50) ? c1.p50 / floor.p50 : null,
        });
        const c = cases.at(-1)!;
        log(
          `${workload.id} ${c.name}: c1 p50 ${c1.p50.toFixed(2)} p95 ${c1.p95.toFixed(2)} ms, ${c1.rps.toFixed(0)}/s` +
            (saturated ? `; c${connections} ${saturated.rps.toFixed(0)}/s p95 ${saturated.p95.toFixed(2)} ms` : '') +
            (c.ratio ? `; GraphQL/floor ${c.ratio.toFixed(2)}x` : ''),
        );
      }
      const metrics = { ...prepared.metrics, ...(prepared.after ? await prepared.after() : {}) };
      results.push({
        ...base,
        status: 'ran',
        subjects: prepared.subjects,
        notes: prepared.notes,
        metrics,
        cases,
        ...(prepared.soak ? { soak: prepared.soak } : {}),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${workload.id}: failed: ${message}`);
      results.push({ ...base, status: 'failed', reason: message.slice(0, 500), ...empty() });
    }
  }
} finally {
  await bareYoga?.stop();
  await postgraphile?.stop();
  await server.stop();
  await floorSql.end({ timeout: 5 });
}

const [pg] = await database.sql<{ version: string }[]>`select version()`;
const report: Results = {
  date: startedAt.toISOString().slice(0, 10),
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  commit: gitCommit(),
  options: {
    users,
    seconds,
    connections,
    only: only ? [...only] : null,
    rounds,
    ...(soakOnly ? { minutes, rate, warmUpSeconds } : {}),
  },
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: pg!.version.split(' on ')[0]!,
    loadBefore,
    loadAfter: loadavg()[0]!,
  },
  database: {
    embedded: database.embedded,
    dataDir,
    users: database.seed.users,
    seedSteps: database.seed.steps,
    seededSeconds: Math.round(database.seededSeconds),
  },
  workloads: results,
};
await database.stop();
const written = await writeReport(report);
log(`Wrote ${written.join(', ')}`);
process.exit(0);

function peerName() {
  const versions = peerVersions();
  return `PostGraphile ${versions.postgraphile} (Amber) on Node ${versions.node}`;
}

function empty() {
  return { subjects: {}, notes: [], metrics: {}, cases: [] };
}

/**
 * The client pg_stat_statements is read through, when the database tracks planning (the embedded
 * bench cluster loads it); otherwise null, and the reports say planning was not measured.
 */
async function statementStats(sql: Sql): Promise<Sql | null> {
  try {
    await sql`create extension if not exists pg_stat_statements`;
    const [row] = await sql<{ on: boolean }[]>`
      select current_setting('pg_stat_statements.track_planning', true) = 'on' as on`;
    return row?.on ? sql : null;
  } catch {
    return null;
  }
}
