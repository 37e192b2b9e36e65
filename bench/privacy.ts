import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { signToken } from '../src/auth/tokens';
import { createSql, type Sql } from '../src/db/client';
import { startEmbedded } from '../src/db/database';
import { scaleSteps } from '../src/seed/steps';
import { openBenchDatabase } from './database';
import { execute, type Operation } from './graphql';
import { type Latency, measureHttp } from './measure';
import { startServer } from './server';
import { median } from './speed';

/**
 * `npm run bench:privacy -- --before DIR`: issue 25's figures. The three reads the visibility predicate
 * sits in (a feed of a viewer following 1,000 users, a profile's workouts page, workout(id)), each as a
 * signed-in viewer, through the production server of this tree and of DIR (a checkout of the commit
 * before the change, e.g. `git archive <commit> | tar -x -C DIR` with node_modules linked in), in
 * interleaved rounds on the same database: latency at c=1, throughput and server CPU per request at
 * c=8, and the statements each request issues. A database not yet migrated to the change is first
 * measured as it is, through DIR alone: the figure before the schema changed too. Then the bench's own
 * migrate step runs, and the bench gives workouts about 20 % FOLLOWERS and 5 % ONLY_ME by a hash of
 * their id (once; kept for reruns), as the scale seed would.
 */
const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    users: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '6' },
  },
});
if (!values.before) {
  console.error('Usage: npm run bench:privacy -- --before DIR [--rounds 3] [--seconds 6] [--users 100000]');
  process.exit(2);
}
const before = resolve(values.before);
const users = Number(values.users);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const jwtSecret = 'spotter-bench-secret';
const dataDir = process.env.SPOTTER_BENCH_DATA_DIR || 'bench/data';
const port = Number(process.env.SPOTTER_BENCH_PORT || 54339);
const databaseName = `spotter_bench_${users}`;
const log = (line: string) => console.error(`[privacy ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** The visibility a workout gets here: the share of each by a hash of its id, so any run picks the same. */
const HASHED_SHARE = `(hashint8(w.id) & 2147483647) % 100`;

interface Subjects {
  viewer: number;
  following: number;
  profiles: number[];
  workouts: number[];
}

interface Read {
  id: string;
  title: string;
  next: () => Operation;
}

interface Figure {
  c1: Latency;
  c8: Latency;
}

const gid = (type: string, id: number) => btoa(`${type}:${id}`);

function rotate<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

async function pickSubjects(sql: Sql): Promise<Subjects> {
  const [viewer] = await sql<{ id: number; followingCount: number }[]>`/* bench:feedViewer */
    select id, following_count from users order by abs(following_count - 1000), id limit 1`;
  if (!viewer) throw new Error('The bench database has no users');
  if (viewer.followingCount < 1000) {
    // As W5 does: the workload is defined by 1,000 followees (once; kept for reruns).
    await sql`/* bench:topUpFollowing */
      insert into follows (follower_id, followee_id)
      select ${viewer.id}, u.id from users u
       where u.id <> ${viewer.id} and u.workout_count > 0
         and not exists (select 1 from follows f where f.follower_id = ${viewer.id} and f.followee_id = u.id)
       order by hashint8(u.id) limit ${1000 - viewer.followingCount}
      on conflict do nothing`;
  }
  // Profiles with a full page and more: half followed by the viewer (FOLLOWERS workouts show), half not.
  const profiles = await sql<{ id: number }[]>`/* bench:profiles */
    (select u.id from users u join follows f on f.followee_id = u.id and f.follower_id = ${viewer.id}
      where u.workout_count >= 15 order by hashint8(u.id) limit 100)
    union all
    (select u.id from users u
      where u.workout_count >= 15 and u.id <> ${viewer.id}
        and not exists (select 1 from follows f where f.follower_id = ${viewer.id} and f.followee_id = u.id)
      order by hashint8(u.id) limit 100)`;
  // Workouts every tree answers alike: ones whose hash gives EVERYONE.
  const workouts = await sql<{ id: number }[]>`/* bench:workouts */
    select w.id from workouts w
     where ${sql.unsafe(HASHED_SHARE)} >= 25 and w.user_id <> ${viewer.id}
     order by hashint8(w.id * 3) limit 500`;
  const [{ following }] = await sql<[{ following: number }]>`
    select following_count as following from users where id = ${viewer.id}`;
  return { viewer: viewer.id, following, profiles: profiles.map((r) => r.id), workouts: workouts.map((r) => r.id) };
}

async function reads(subjects: Subjects): Promise<Read[]> {
  const token = await signToken(subjects.viewer, jwtSecret);
  const profile = rotate(subjects.profiles);
  const workout = rotate(subjects.workouts);
  return [
    {
      id: 'PV1',
      title: `feed(first: 20) of a viewer following ${subjects.following.toLocaleString('en')} users`,
      next: () => ({
        query: `query PV1 { feed(first: 20) { edges { cursor node { id type createdAt user { id username displayName }
          workout { id title totalVolumeKg } subject { id username } level } } pageInfo { hasNextPage endCursor } } }`,
        variables: {},
        token,
      }),
    },
    {
      id: 'PV2',
      title: 'a profile’s workouts page: user(id) { workouts(first: 20) }, 200 profiles (half followed)',
      next: () => ({
        query: `query PV2($id: ID!) { user(id: $id) { id username workoutCount workouts(first: 20) { edges { cursor node {
          id title startedAt totalVolumeKg setCount likeCount commentCount } } pageInfo { hasNextPage endCursor } } } }`,
        variables: { id: gid('User', profile()) },
        token,
      }),
    },
    {
      id: 'PV3',
      title: 'workout(id) with its sets and owner, 500 workouts',
      next: () => ({
        query: `query PV3($id: ID!) { workout(id: $id) { id title startedAt durationSeconds totalVolumeKg likeCount
          commentCount user { id username } sets { position reps weightKg exercise { name } } } }`,
        variables: { id: gid('Workout', workout()) },
        token,
      }),
    },
  ];
}

/** Once per database: the share of each visibility a scale seed gives, by the hash above. */
async function assignVisibility(sql: Sql): Promise<string> {
  const [{ hidden }] = await sql<[{ hidden: number }]>`
    select count(*)::int as hidden from (select 1 from workouts where visibility <> 'EVERYONE' limit 1) x`;
  if (hidden > 0) return 'Visibilities were already assigned (kept from an earlier run).';
  const started = performance.now();
  await sql.begin(async (tx) => {
    // Set-based: the row trigger would update each workout's events one statement at a time.
    await tx`alter table workouts disable trigger _500_visibility`;
    await tx.unsafe(`
      update workouts w set visibility = (case when ${HASHED_SHARE} < 5 then 'ONLY_ME' else 'FOLLOWERS' end)::workout_visibility
       where ${HASHED_SHARE} < 25`);
    await tx`alter table workouts enable trigger _500_visibility`;
    await tx`
      update activity_events a set visibility = w.visibility
        from workouts w where w.id = a.workout_id and a.visibility <> w.visibility`;
  });
  await sql`vacuum analyze workouts, activity_events, users`;
  return `Visibilities assigned by a hash of the workout id in ${((performance.now() - started) / 1000).toFixed(0)} s.`;
}

async function statementsOf(tree: string, url: string, operations: Read[]) {
  const server = await startServer(url, jwtSecret, { cwd: tree, nodeEnv: 'development' });
  try {
    const counts: Record<string, { statements: number; names: string[]; rows: number }> = {};
    for (const read of operations) {
      const result = await execute(server.origin, read.next());
      if (result.errors?.length) throw new Error(`${read.id} in ${tree}: ${JSON.stringify(result.errors)}`);
      const data = result.data!;
      const rows = data.feed?.edges.length ?? data.user?.workouts.edges.length ?? (data.workout ? 1 : 0);
      counts[read.id] = { statements: result.sql?.statements ?? -1, names: result.sql?.names ?? [], rows };
    }
    return counts;
  } finally {
    await server.stop();
  }
}

async function measure(tree: string, url: string, read: Read): Promise<Figure> {
  const server = await startServer(url, jwtSecret, { cwd: tree });
  try {
    const c1 = await measureHttp({ origin: server.origin, next: read.next, connections: 1, seconds });
    const c8 = await measureHttp({
      origin: server.origin,
      next: read.next,
      connections: 8,
      seconds,
      cpuPid: server.pid,
    });
    if (c1.errors + c8.errors > 0) throw new Error(`${read.id} in ${tree}: ${c1.errors + c8.errors} errors`);
    return { c1, c8 };
  } finally {
    await server.stop();
  }
}

const ms = (value: number) => value.toFixed(2);
const summary = (figures: Figure[]) => ({
  p50: median(figures.map((f) => f.c1.p50)),
  p95: median(figures.map((f) => f.c1.p95)),
  rps: median(figures.map((f) => f.c8.rps)),
  cpu: median(figures.map((f) => f.c8.cpuMsPerRequest ?? Number.NaN)),
});

const notes: string[] = [];
const lines: string[] = [];
const cluster = await startEmbedded({
  dataDir,
  port,
  database: databaseName,
  settings: { shared_buffers: '512MB', work_mem: '32MB', maintenance_work_mem: '512MB', max_wal_size: '4GB' },
});
let preSchema: Record<string, ReturnType<typeof summary>> | null = null;
{
  const probe = createSql(cluster.url, { max: 2 });
  const [{ migrated }] = await probe<[{ migrated: boolean }]>`
    select exists (select 1 from information_schema.columns
                    where table_name = 'workouts' and column_name = 'visibility') as migrated`;
  if (!migrated) {
    log('The database predates the change: measuring the earlier tree on it as it is, once.');
    const operations = await reads(await pickSubjects(probe));
    preSchema = {};
    for (const read of operations) {
      const figures: Figure[] = [];
      for (let round = 0; round < rounds; round += 1) figures.push(await measure(before, cluster.url, read));
      preSchema[read.id] = summary(figures);
      log(`${read.id} before, on the earlier schema: p50 ${ms(preSchema[read.id]!.p50)} ms`);
    }
  }
  await probe.end();
}

const database = await openBenchDatabase({
  users,
  steps: scaleSteps,
  databaseUrl: null,
  dataDir,
  port,
  reseed: false,
  log,
  rank: false,
});
notes.push(await assignVisibility(database.sql));
const [share] = await database.sql<[{ followers: number; onlyMe: number; total: number }]>`
  select count(*) filter (where visibility = 'FOLLOWERS')::int as followers,
         count(*) filter (where visibility = 'ONLY_ME')::int as only_me, count(*)::int as total from workouts`;
const subjects = await pickSubjects(database.sql);
const operations = await reads(subjects);
const trees = [
  { name: 'before', dir: before },
  { name: 'after', dir: resolve('.') },
];
const statements = {
  before: await statementsOf(before, database.url, operations),
  after: await statementsOf(resolve('.'), database.url, operations),
};
const figures = new Map<string, Figure[]>();
for (let round = 1; round <= rounds; round += 1) {
  for (const read of operations) {
    // Alternate which tree goes first, so neither always meets a warmer cache.
    for (const tree of round % 2 === 1 ? trees : [...trees].reverse()) {
      const figure = await measure(tree.dir, database.url, read);
      figures.set(`${read.id} ${tree.name}`, [...(figures.get(`${read.id} ${tree.name}`) ?? []), figure]);
      log(
        `round ${round} ${read.id} ${tree.name}: p50 ${ms(figure.c1.p50)} ms, ${figure.c8.rps.toFixed(0)} req/s at c=8`,
      );
    }
  }
}

const date = new Date().toISOString().slice(0, 10);
const results: Record<string, unknown> = { date, users, rounds, seconds, subjects, share, statements, preSchema };
lines.push(`# Issue 25: the visibility predicate at ${users.toLocaleString('en')} users (${date})`);
lines.push('');
lines.push(
  `\`npm run bench:privacy -- --before <checkout of the commit before the change> --rounds ${rounds} --seconds ${seconds}\`. ` +
    `Workouts: ${((100 * share.followers) / share.total).toFixed(1)} % FOLLOWERS, ${((100 * share.onlyMe) / share.total).toFixed(1)} % ONLY_ME ` +
    `of ${share.total.toLocaleString('en')}. Every read is signed in as user ${subjects.viewer}, who follows ${subjects.following.toLocaleString('en')} users. ` +
    `Medians over ${rounds} interleaved rounds per tree, each on a fresh production server; c=1 latency over ${seconds} s, c=8 throughput and the server's CPU per request over ${seconds} s.`,
);
lines.push('');
lines.push('| read | tree | c=1 p50 ms | c=1 p95 ms | c=8 req/s | server CPU ms/req | statements | rows |');
lines.push('|---|---|---:|---:|---:|---:|---:|---:|');
const verdicts: string[] = [];
for (const read of operations) {
  const rows: Record<string, ReturnType<typeof summary>> = {};
  for (const tree of trees) {
    const s = summary(figures.get(`${read.id} ${tree.name}`)!);
    rows[tree.name] = s;
    const st = statements[tree.name as 'before' | 'after'][read.id]!;
    lines.push(
      `| ${read.id} ${read.title} | ${tree.name} | ${ms(s.p50)} | ${ms(s.p95)} | ${s.rps.toFixed(0)} | ${ms(s.cpu)} | ${st.statements} | ${st.rows} |`,
    );
  }
  const slower = rows.after!.p50 / rows.before!.p50 - 1;
  const fewer = 1 - rows.after!.rps / rows.before!.rps;
  const same = statements.before[read.id]!.statements === statements.after[read.id]!.statements;
  verdicts.push(
    `- ${read.id}: p50 ${slower >= 0 ? '+' : ''}${(100 * slower).toFixed(1)} %, c=8 throughput ${fewer >= 0 ? '−' : '+'}${Math.abs(100 * fewer).toFixed(1)} %, ` +
      `statements ${statements.before[read.id]!.statements} → ${statements.after[read.id]!.statements} ` +
      `(target: at most 15 % slower, statements unchanged: ${slower <= 0.15 && fewer <= 0.15 && same ? 'met' : 'MISSED'})`,
  );
  results[read.id] = { title: read.title, ...rows };
}
lines.push('');
lines.push(...verdicts);
if (preSchema) {
  lines.push('');
  lines.push(
    'Before the migration, the earlier tree on the earlier schema (measured once, before the interleaved rounds):',
  );
  lines.push('');
  for (const read of operations) {
    const s = preSchema[read.id]!;
    lines.push(
      `- ${read.id}: c=1 p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, c=8 ${s.rps.toFixed(0)} req/s, CPU ${ms(s.cpu)} ms/req`,
    );
  }
}
lines.push('');
lines.push(...notes.map((note) => `- ${note}`));
for (const read of operations) {
  lines.push(`- ${read.id} statements after: ${statements.after[read.id]!.names.join(', ')}`);
}
await mkdir('bench/results', { recursive: true });
const name = `bench/results/${date}-privacy-${users}`;
await writeFile(`${name}.md`, `${lines.join('\n')}\n`);
await writeFile(`${name}.json`, `${JSON.stringify(results, null, 2)}\n`);
log(`Wrote ${name}.md`);
console.log(lines.join('\n'));
await database.stop();
await cluster.stop();
