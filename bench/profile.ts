import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { signToken } from '../src/auth/tokens';
import { createSql } from '../src/db/client';
import { startEmbedded } from '../src/db/database';
import { requestInit } from './graphql';
import { processCpuMs } from './measure';
import { median } from './speed';
import { P0, P1, P2, P3, P4 } from './speed-workloads';
import type { BenchContext, Case } from './workloads';

/**
 * `npx tsx bench/profile.ts [--tree DIR]...`: CPU profiles (`node --cpu-prof`) of the production
 * server under load at c=8, one server process per workload (P1-P4 of issue 10) on the seeded
 * 100,000-user bench database (or `--database`), with its req/s and CPU per request, and the top self-time frames.
 * `--only P0` adds the framework's floor: Spotter's `{ __typename }`, and `{ ok }` through Yoga alone.
 * Several `--tree`s (e.g. a checkout of an older commit) are measured in alternation, so the same
 * spell of a shared machine falls on each of them. `--only P3,P4` picks workloads; `--plain` leaves the
 * profiler out, for CPU per request without its overhead, with medians over `--rounds`.
 */
const { values } = parseArgs({
  options: {
    tree: { type: 'string', multiple: true, default: ['.'] },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '1' },
    out: { type: 'string', default: '/tmp/spotter-profiles' },
    top: { type: 'string', default: '12' },
    // Another seeded cluster (e.g. `npm run seed` into SPOTTER_BENCH_DATA_DIR) names its own database.
    database: { type: 'string', default: 'spotter_bench_100000' },
    // Some of P1-P4, e.g. `--only P3,P4`.
    only: { type: 'string', default: 'P1,P2,P3,P4' },
    // No profiler: CPU per request without its overhead, the medians over rounds compared per tree.
    plain: { type: 'boolean', default: false },
  },
});
const jwtSecret = 'spotter-bench-secret';
const BARE_YOGA = 'bare Yoga';
const seconds = Number(values.seconds);
const log = (line: string) => console.error(`[profile ${new Date().toISOString().slice(11, 19)}] ${line}`);

const database = await startEmbedded({
  dataDir: process.env.SPOTTER_BENCH_DATA_DIR || 'bench/data',
  port: Number(process.env.SPOTTER_BENCH_PORT || 54339),
  database: values.database!,
  settings: { shared_buffers: '512MB', work_mem: '32MB' },
});
const sql = createSql(database.url);

interface Server {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/** A checkout's production server, or (tree BARE_YOGA) Yoga alone with a one-field schema, P0's baseline. */
async function startTree(tree: string, profileDir: string | null): Promise<Server> {
  const args = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  if (tree === BARE_YOGA) args.push('--import', 'tsx', 'bench/yoga-baseline-server.ts');
  else args.push('--max-semi-space-size=64', '--import', 'tsx', 'src/main.ts');
  const child = spawn(process.execPath, args, {
    cwd: resolve(tree === BARE_YOGA ? '.' : tree),
    env: { ...process.env, DATABASE_URL: database.url, JWT_SECRET: jwtSecret, PORT: '0', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const origin = await new Promise<string>((done, fail) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /http:\/\/localhost:(\d+)\/graphql/.exec(output);
      if (match) done(`http://127.0.0.1:${match[1]}`);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited ${code}: ${output}`)));
  });
  return {
    origin,
    pid: child.pid!,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function load(origin: string, benchCase: Case, connections: number, duration: number) {
  const result = await autocannon({
    url: `${origin}/graphql`,
    connections,
    duration,
    requests: [
      { method: 'POST', setupRequest: (request) => ({ ...request, method: 'POST', ...requestInit(benchCase.next()) }) },
    ],
  });
  return result.requests.total;
}

/** Self time per frame, summed over the profile's samples, as a share of all samples. */
async function topFrames(dir: string, top: number) {
  const [file] = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
  const profile = JSON.parse(await readFile(join(dir, file!), 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = byId.get(id)!.callFrame;
    const where = frame.url
      ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(src|bench)\//, '$1/')}:${frame.lineNumber + 1}`
      : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length;
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([frame, count]) => `${((count / total) * 100).toFixed(1)}% ${frame}`);
}

/** Where a frame's code lives, for the per-component split; null: the caller's component. */
function componentOf(url: string): string | null {
  if (/\/node_modules\/(tsx|esbuild)\//.test(url) || url.startsWith('node:internal/modules')) return 'start-up';
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) {
    if (
      /^(graphql-yoga|@graphql-yoga\/.*|@envelop\/.*|@whatwg-node\/.*|urlpattern-polyfill|@graphql-tools\/.*)$/.test(
        pkg,
      )
    )
      return 'Yoga pipeline (graphql-yoga, envelop, whatwg-node)';
    if (pkg === 'graphql' || pkg === 'graphql-jit' || pkg.startsWith('@pothos/'))
      return 'GraphQL execution (graphql-jit)';
    if (pkg === 'postgres') return 'PostgreSQL driver (postgres.js)';
    if (pkg === 'pino' || pkg === 'prom-client' || pkg === 'sonic-boom') return 'logs and metrics (pino, prom-client)';
    if (pkg === 'dataloader') return 'Spotter (src/, dataloader)';
    return `other: ${pkg}`;
  }
  if (/\/(src|bench)\//.test(url)) return 'Spotter (src/, dataloader)';
  if (/^node:(_http|net|internal\/stream|internal\/streams|stream|internal\/http)/.test(url))
    return 'HTTP and sockets (node:http, net)';
  return null;
}

/**
 * Self time split by where the code lives: a frame of no package of its own (native code, a
 * microtask, graphql-jit's generated functions) counts for its caller's component, so `writev` under
 * the HTTP response counts as HTTP and `JSON.stringify` under Yoga's result processor as Yoga.
 * Start-up (module loading) and idle time are left out; the shares scale the window's CPU per request.
 */
async function components(dir: string, cpuMsPerRequest: number) {
  const [file] = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
  const profile = JSON.parse(await readFile(join(dir, file!), 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
    samples: number[];
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const category = new Map<number, string>();
  const assign = (id: number, inherited: string) => {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    const own =
      name === '(garbage collector)'
        ? 'garbage collector'
        : name === '(idle)'
          ? 'idle'
          : componentOf(node.callFrame.url);
    const mine = own ?? inherited;
    category.set(id, mine);
    for (const child of node.children ?? []) assign(child, mine);
  };
  assign(profile.nodes[0]!.id, 'Node runtime (event loop, promises)');
  const counts = new Map<string, number>();
  for (const id of profile.samples) counts.set(category.get(id)!, (counts.get(category.get(id)!) ?? 0) + 1);
  counts.delete('idle');
  counts.delete('start-up');
  const busy = [...counts.values()].reduce((a, b) => a + b, 0);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(
      ([name, count]) =>
        `${((count / busy) * 100).toFixed(1).padStart(5)}%  ${((count / busy) * cpuMsPerRequest).toFixed(3)} ms  ${name}`,
    );
}

const ctx: BenchContext = {
  sql,
  origin: '',
  users: 100_000,
  log,
  token: (userId) => signToken(userId, jwtSecret),
  statements: async () => [],
};
const trees = values.tree!;
const reference = await startTree(trees.at(-1)!, null);
ctx.origin = reference.origin;
const cases: { id: string; benchCase: Case; trees: string[] }[] = [];
const wanted = new Set(values.only!.split(','));
for (const workload of [P0, P1, P2, P3, P4].filter((w) => wanted.has(w.id))) {
  const prepared = await workload.prepare(ctx);
  if (typeof prepared === 'string') throw new Error(`${workload.id}: ${prepared}`);
  // P0 is two cases: Spotter's `{ __typename }` on each tree, and `{ ok }` through Yoga alone.
  for (const benchCase of workload.id === 'P0' ? prepared.cases : prepared.cases.slice(0, 1)) {
    const bare = benchCase.speed?.against === 'bare-yoga';
    cases.push({ id: bare ? 'P0 ok' : workload.id, benchCase, trees: bare ? [BARE_YOGA] : trees });
  }
}
await reference.stop();

const figures = new Map<string, { rate: number; cpu: number }[]>();
for (let round = 1; round <= Number(values.rounds); round += 1) {
  for (const { id, benchCase, trees: treesOfCase } of cases) {
    for (const tree of treesOfCase) {
      const dir = join(
        values.out!,
        `${tree === BARE_YOGA ? 'bare-yoga' : basename(resolve(tree))}-${id.replace(' ', '-')}-r${round}`,
      );
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      const server = await startTree(tree, values.plain ? null : dir);
      await load(server.origin, benchCase, 8, Math.max(2, seconds / 4));
      const cpuBefore = processCpuMs(server.pid);
      const requests = await load(server.origin, benchCase, 8, seconds);
      const cpu = processCpuMs(server.pid) - cpuBefore;
      await server.stop();
      const key = `${id} ${tree}`;
      figures.set(key, [...(figures.get(key) ?? []), { rate: requests / seconds, cpu: cpu / requests }]);
      console.log(
        `\n${id} ${tree} round ${round}: ${(requests / seconds).toFixed(0)} req/s at c=8, ${(cpu / requests).toFixed(2)} ms CPU per request`,
      );
      if (values.plain) continue;
      console.log('  by component (share of busy samples, ms per request):');
      for (const line of await components(dir, cpu / requests)) console.log(`    ${line}`);
      console.log('  top frames (self time):');
      for (const frame of await topFrames(dir, Number(values.top))) console.log(`    ${frame}`);
    }
  }
}
if (Number(values.rounds) > 1) {
  console.log('\nmedians over rounds:');
  for (const [key, runs] of figures) {
    const rates = median(runs.map((run) => run.rate));
    const cpus = median(runs.map((run) => run.cpu));
    console.log(`  ${key}: ${rates.toFixed(0)} req/s, ${cpus.toFixed(2)} ms CPU per request`);
  }
}
await sql.end();
await database.stop();
