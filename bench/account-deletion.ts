import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { signToken } from '../src/auth/tokens';
import { createSql, type Sql } from '../src/db/client';
import { startEmbedded } from '../src/db/database';
import { prepareDatabase } from '../src/db/prepare';
import { ACCOUNT_DELETION_TIMEOUT_MS } from '../src/domain/accounts';
import { execute, type Operation } from './graphql';
import { percentile } from './measure';
import { gitCommit, resultsDir } from './report';
import { startServer } from './server';

/**
 * `npm run bench:accounts`: issue 27's deletion figures. In the 100,000-user bench database (migrated
 * to the newest migration, never reseeded: the seed users stay), it builds one heavy user with bulk SQL,
 * the triggers on (5,000 workouts of 3 sets, 20,000 follows both ways, 10,000 messages in 10
 * conversations, likes, comments, reactions, notifications both ways, a team they own with members and
 * goals and teams they are in), then deletes it through the production server's deleteAccount while
 * probes act as other users (a reader, an unrelated writer, a follower of the heavy user and a member
 * of their team, each a loop of requests), and samples pg_locks and blocked backends every 50 ms.
 * Writes bench/results/<date>-account-deletion-<users>.{md,json}. `--runs N` repeats the build and
 * deletion (default 1).
 */
const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '1' },
    workouts: { type: 'string', default: '5000' },
    follows: { type: 'string', default: '20000' },
    messages: { type: 'string', default: '10000' },
  },
});
const users = Number(values.users);
const runs = Number(values.runs);
const shape = { workouts: Number(values.workouts), follows: Number(values.follows), messages: Number(values.messages) };
const jwtSecret = 'spotter-bench-secret';
const dataDir = process.env.SPOTTER_BENCH_DATA_DIR || 'bench/data';
const port = Number(process.env.SPOTTER_BENCH_PORT || 54339);
const log = (line: string) => console.error(`[accounts ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Heavy {
  id: number;
  username: string;
  follower: number;
  teamMember: number;
  rows: Record<string, number>;
}

/** Ids of seed users, by a stride through the id range so that the heavy user's circle is spread out. */
async function seedUserIds(sql: Sql, count: number, offset: number): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select id from users where deleted_at is null and username not like 'bench_heavy_%'
     order by hashint8(id + ${offset}) limit ${count}`;
  return rows.map((row) => row.id);
}

async function buildHeavyUser(sql: Sql, run: number): Promise<Heavy> {
  const started = performance.now();
  const username = `bench_heavy_${Date.now() % 1e9}_${run}`;
  const [{ id }] = await sql<[{ id: number }]>`
    insert into users (username, display_name, country) values (${username}, 'Heavy lifter', 'SE') returning id`;
  const half = Math.floor(shape.follows / 2);
  const circle = await seedUserIds(sql, half * 2 + 200, run);
  const followees = circle.slice(0, half);
  const followers = circle.slice(half, half * 2);
  const others = circle.slice(half * 2);

  // Workouts over two years, the newest this week (on the weekly board); 3 sets each (records).
  await sql`
    insert into workouts (user_id, title, started_at, duration_seconds, distance_meters)
    select ${id}, 'Heavy session ' || g, now() - (g * interval '3 hours') - interval '1 minute', 3600,
           case when g % 5 = 0 then 5000 else 0 end
      from generate_series(1, ${shape.workouts}) g`;
  await sql`
    insert into workout_sets (workout_id, position, exercise_id, reps, weight_kg)
    select w.id, p, (select id from exercises order by id offset ((w.id + p) % 20) limit 1), 5 + p, 40 + (w.id % 60)
      from workouts w cross join generate_series(1, 3) p
     where w.user_id = ${id}`;
  // Follows both ways (the counter trigger runs per row).
  await sql`insert into follows (follower_id, followee_id) select ${id}, unnest(${followees}::bigint[])`;
  await sql`insert into follows (follower_id, followee_id) select unnest(${followers}::bigint[]), ${id}`;
  await sql`
    insert into notifications (recipient_id, kind, actor_id, act_key)
    select ${id}, 'NEW_FOLLOWER', f, 'follow:' || f from unnest(${followers.slice(0, 2000)}::bigint[]) f`;
  // Ten conversations with five others each; the heavy user's messages, and some of the others'.
  const conversations: number[] = [];
  for (let c = 0; c < 10; c += 1) {
    const [conversation] = await sql<[{ id: number }]>`
      insert into conversations (title, created_by_id) values (${`Heavy chat ${c}`}, ${id}) returning id`;
    conversations.push(conversation.id);
    const members = [id, ...others.slice(c * 5, c * 5 + 5)];
    await sql`
      insert into conversation_members (conversation_id, user_id)
      select ${conversation.id}, unnest(${members}::bigint[])`;
    await sql`
      with sent as (
        insert into messages (conversation_id, sender_id, body)
        select ${conversation.id}, case when g % 6 = 0 then ${members[1 + (c % 5)]!}::bigint else ${id}::bigint end, 'message ' || g
          from generate_series(1, ${Math.round((shape.messages * 1.2) / 10)}) g
        returning id, sender_id, created_at)
      insert into activity_events (user_id, type, message_id, created_at)
      select sender_id, 'MESSAGE_SENT', id, created_at from sent`;
  }
  // Reactions both ways, likes and comments both ways (with their notifications).
  await sql`
    insert into reactions (message_id, user_id, emoji)
    select m.id, ${others[0]!}, '🔥' from messages m
     where m.conversation_id = ${conversations[0]!} and m.sender_id = ${id} limit 500`;
  await sql`
    insert into reactions (message_id, user_id, emoji)
    select m.id, ${id}, '👍' from messages m
     where m.conversation_id = ${conversations[0]!} and m.sender_id <> ${id} limit 200`;
  await sql`
    insert into workout_likes (workout_id, user_id)
    select w.id, f from (select id from workouts where user_id = ${id} order by id limit 200) w
     cross join unnest(${followers.slice(0, 10)}::bigint[]) f`;
  await sql`
    insert into workout_likes (workout_id, user_id)
    select w.id, ${id} from workouts w where w.user_id = any(${followees.slice(0, 500)}::bigint[]) limit 2000`;
  await sql`
    insert into comments (workout_id, author_id, body)
    select w.id, ${followers[0]!}, 'Strong' from workouts w where w.user_id = ${id} order by id limit 500`;
  await sql`
    insert into comments (workout_id, author_id, body)
    select w.id, ${id}, 'Nice' from workouts w where w.user_id = any(${followees.slice(0, 500)}::bigint[]) limit 500`;
  await sql`
    insert into notifications (recipient_id, kind, actor_id, workout_id, act_key)
    select w.user_id, 'WORKOUT_LIKED', ${id}, w.id, 'like:' || w.id || ':' || ${id}
      from workout_likes l join workouts w on w.id = l.workout_id where l.user_id = ${id}`;
  // A team they own (50 members, two goals), and three teams of others they are in.
  const [team] = await sql<[{ id: number }]>`
    insert into teams (name) values (${`Heavy team ${username}`}) returning id`;
  await sql`insert into team_members (team_id, user_id, role) values (${team.id}, ${id}, 'OWNER')`;
  const teamMembers = followers.slice(100, 149);
  await sql`insert into team_members (team_id, user_id) select ${team.id}, unnest(${teamMembers}::bigint[])`;
  await sql`
    insert into team_goals (team_id, title, metric, target, starts_at, ends_at)
    values (${team.id}, 'Workouts', 'WORKOUTS', 100000, now() - interval '60 days', now() + interval '30 days'),
           (${team.id}, 'Volume', 'VOLUME_KG', 1e9, now() - interval '300 days', now() + interval '60 days')`;
  for (let t = 0; t < 3; t += 1) {
    const [other] = await sql<[{ id: number }]>`
      insert into teams (name) values (${`Heavy guest ${t} ${username}`}) returning id`;
    await sql`insert into team_members (team_id, user_id, role) values (${other.id}, ${others[50 + t]!}, 'OWNER')`;
    await sql`insert into team_members (team_id, user_id) values (${other.id}, ${id})`;
    await sql`
      insert into team_goals (team_id, title, metric, target, starts_at, ends_at)
      values (${other.id}, 'Distance', 'DISTANCE_METERS', 1e9, now() - interval '90 days', now() + interval '30 days')`;
  }
  const [rows] = await sql<[Record<string, number>]>`
    select (select count(*)::int from workouts where user_id = ${id}) as workouts,
           (select count(*)::int from workout_sets s join workouts w on w.id = s.workout_id where w.user_id = ${id}) as sets,
           (select count(*)::int from personal_records where user_id = ${id}) as records,
           (select count(*)::int from follows where follower_id = ${id} or followee_id = ${id}) as follows,
           (select count(*)::int from messages where sender_id = ${id}) as messages,
           (select count(*)::int from notifications where recipient_id = ${id} or actor_id = ${id}) as notifications,
           (select count(*)::int from workout_likes where user_id = ${id}) as likes_given,
           (select count(*)::int from comments where author_id = ${id}) as comments_written,
           (select count(*)::int from reactions where user_id = ${id}) as reactions_given,
           (select count(*)::int from activity_events where user_id = ${id}) as activity,
           (select count(*)::int from board_entries where user_id = ${id}) as board_entries,
           (select count(*)::int from team_members where user_id = ${id}) as teams`;
  log(`built ${username} (${id}) in ${Math.round((performance.now() - started) / 1000)} s: ${JSON.stringify(rows)}`);
  return { id, username, follower: followers[0]!, teamMember: teamMembers[0]!, rows };
}

interface ProbeResult {
  name: string;
  before: number[];
  during: { at: number; ms: number; ok: boolean }[];
  after: number[];
}

const READ = `query Probe($id: ID!) { user(id: $id) { username followerCount workouts(first: 10) { edges { node { id totalVolumeKg } } } } }`;
const LOG = `mutation ProbeLog($input: LogWorkoutInput!) { logWorkout(input: $input) { errors { code } } }`;
const BOARD = `{ leaderboard(kind: XP_ALL_TIME, first: 20) { entryCount edges { node { rank user { id } } } } }`;

async function probeOperation(
  kind: 'read' | 'write' | 'board',
  userId: number,
  exerciseGid: string,
): Promise<Operation> {
  const token = await signToken(userId, jwtSecret);
  if (kind === 'board') return { query: BOARD, variables: {}, token };
  if (kind === 'read') {
    return { query: READ, variables: { id: Buffer.from(`User:${userId}`).toString('base64') }, token };
  }
  return {
    query: LOG,
    variables: {
      input: {
        title: 'Probe',
        startedAt: new Date().toISOString(),
        durationSeconds: 600,
        sets: [{ exerciseId: exerciseGid, reps: 5, weightKg: 50 }],
      },
    },
    token,
  };
}

async function deleteOnce(sql: Sql, origin: string, heavy: Heavy, exerciseGid: string) {
  // Strangers: in no follow, team or conversation with the heavy user.
  const [stranger, strangerReader] = (
    await sql<{ id: number }[]>`
      select u.id from users u
       where u.deleted_at is null and u.id <> ${heavy.id}
         and not exists (select 1 from follows f where (f.follower_id, f.followee_id) in ((u.id, ${heavy.id}), (${heavy.id}, u.id)))
         and not exists (select 1 from team_members m join team_members h on h.team_id = m.team_id and h.user_id = ${heavy.id}
                          where m.user_id = u.id)
       order by hashint8(u.id + ${heavy.id}) limit 2`
  ).map((row) => row.id);
  const probes = [
    { name: 'unrelated user reads a profile', operation: await probeOperation('read', strangerReader!, exerciseGid) },
    { name: 'unrelated user logs a workout', operation: await probeOperation('write', stranger!, exerciseGid) },
    { name: 'XP board first page', operation: await probeOperation('board', strangerReader!, exerciseGid) },
    {
      name: 'a follower of the deleted user logs a workout',
      operation: await probeOperation('write', heavy.follower, exerciseGid),
    },
    {
      name: 'a member of their team logs a workout',
      operation: await probeOperation('write', heavy.teamMember, exerciseGid),
    },
    {
      name: 'a follower reads the deleted user’s profile',
      operation: {
        ...(await probeOperation('read', heavy.follower, exerciseGid)),
        variables: { id: Buffer.from(`User:${heavy.id}`).toString('base64') },
      },
    },
  ];
  let phase = 'before' as 'before' | 'during' | 'after' | 'stop';
  let deletionStarted = Number.POSITIVE_INFINITY;
  let deletionEnded = Number.POSITIVE_INFINITY;
  const results: ProbeResult[] = probes.map((p) => ({ name: p.name, before: [], during: [], after: [] }));
  const loops = probes.map(async (probe, i) => {
    while (phase !== 'stop') {
      const at = performance.now();
      const response = await execute(origin, probe.operation).catch(() => null);
      const end = performance.now();
      const ms = end - at;
      const ok = !!response && response.status === 200 && !response.errors?.length;
      // A request that overlapped the deletion in any part counts as during it.
      if (end < deletionStarted) results[i]!.before.push(ms);
      else if (at <= deletionEnded) results[i]!.during.push({ at: Math.round(at - deletionStarted), ms, ok });
      else results[i]!.after.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  // Locks: what the deleting backend holds, sampled; and how many backends wait on it.
  const monitor = createSql(process.env.DATABASE_URL_BENCH!, { max: 1 });
  const lockSamples: { at: number; relations: Record<string, string>; waiting: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const at = Math.round(performance.now() - deletionStarted);
      if (phase === 'during') {
        const held = await monitor<{ relation: string; mode: string }[]>`
          select c.relname as relation, string_agg(distinct l.mode, ',') as mode
            from pg_locks l join pg_stat_activity a on a.pid = l.pid join pg_class c on c.oid = l.relation
           where a.pid <> pg_backend_pid() and a.query like '%/* accounts:%' and l.granted
             and l.locktype = 'relation' and c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
           group by 1`;
        const [{ waiting }] = await monitor<[{ waiting: number }]>`
          select count(*)::int as waiting from pg_stat_activity w
           where cardinality(pg_blocking_pids(w.pid)) > 0
             and exists (select 1 from pg_stat_activity d
                          where d.pid = any(pg_blocking_pids(w.pid)) and d.pid <> pg_backend_pid() and d.query like '%/* accounts:%')`;
        lockSamples.push({ at, relations: Object.fromEntries(held.map((h) => [h.relation, h.mode])), waiting });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  await new Promise((resolve) => setTimeout(resolve, 2000));
  await monitor`select pg_stat_statements_reset()`.catch(() => undefined);
  const functionsBefore = await functionTimes(monitor);
  phase = 'during';
  deletionStarted = performance.now();
  const token = await signToken(heavy.id, jwtSecret);
  const response = await execute(origin, {
    query:
      'mutation D($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedUserId errors { code message } } }',
    variables: { input: { username: heavy.username } },
    token,
  });
  deletionEnded = performance.now();
  const deletionMs = deletionEnded - deletionStarted;
  phase = 'after';
  await new Promise((resolve) => setTimeout(resolve, 2000));
  phase = 'stop';
  sampling = false;
  await Promise.all([...loops, sampler]);
  const statements = await monitor<{ query: string; calls: number; ms: number }[]>`
    select regexp_replace(substr(query, 1, 80), '\\s+', ' ', 'g') as query, calls::int, round(total_exec_time)::int as ms
      from pg_stat_statements where query like '%accounts:%' or query like '%notify:event%'
     order by total_exec_time desc limit 12`.catch(() => []);
  const functionsAfter = await functionTimes(monitor);
  const functions = [...functionsAfter]
    .map(([name, after]) => {
      const before = functionsBefore.get(name) ?? { calls: 0, ms: 0 };
      return { name, calls: after.calls - before.calls, ms: Math.round(after.ms - before.ms) };
    })
    .filter((f) => f.calls > 0)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 12);
  await monitor.end();
  const left = await sql<[{ n: number }]>`
    select (select count(*) from follows where follower_id = ${heavy.id} or followee_id = ${heavy.id})
         + (select count(*) from workouts where user_id = ${heavy.id})
         + (select count(*) from users where id = ${heavy.id}) as n`;
  return {
    status: response.status,
    errors: response.errors ?? response.data?.deleteAccount?.errors ?? [],
    deletionMs: Math.round(deletionMs),
    leftRows: Number(left[0].n),
    probes: results,
    lockSamples,
    statements,
    functions,
  };
}

async function functionTimes(sql: Sql) {
  // Statistics are flushed to the shared counters when a backend goes idle, at most once a second.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const rows = await sql<{ name: string; calls: number; ms: number }[]>`
    select funcname as name, calls::int, total_time::float8 as ms from pg_stat_user_functions`;
  return new Map(rows.map((row) => [row.name, row]));
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? { n: sorted.length, p50: Math.round(percentile(sorted, 50)), max: Math.round(sorted[sorted.length - 1]!) }
    : { n: 0, p50: null, max: null };
};

const cluster = await startEmbedded({
  dataDir,
  port,
  database: `spotter_bench_${users}`,
  settings: {
    shared_buffers: '512MB',
    work_mem: '32MB',
    maintenance_work_mem: '512MB',
    max_wal_size: '4GB',
    shared_preload_libraries: 'pg_stat_statements',
    'pg_stat_statements.track_planning': 'on',
  },
});
process.env.DATABASE_URL_BENCH = cluster.url;
const sql = createSql(cluster.url);
const migrateStarted = performance.now();
log('migrating to the newest migration (0026 rewrites workouts the first time)');
await prepareDatabase(cluster.url, sql);
log(`migrated in ${Math.round((performance.now() - migrateStarted) / 1000)} s`);
const [{ count }] = await sql<[{ count: number }]>`select count(*)::int as count from users where deleted_at is null`;
if (count < users) throw new Error(`spotter_bench_${users} holds ${count} users; seed it with npm run bench first`);
const [{ exercise }] = await sql<[{ exercise: number }]>`select min(id)::int as exercise from exercises`;
const exerciseGid = Buffer.from(`Exercise:${exercise}`).toString('base64');
await sql.unsafe(`alter database spotter_bench_${users} set track_functions = 'pl'`);

const server = await startServer(cluster.url, jwtSecret);
const measured = [];
try {
  for (let run = 1; run <= runs; run += 1) {
    const heavy = await buildHeavyUser(sql, run);
    const result = await deleteOnce(sql, server.origin, heavy, exerciseGid);
    log(
      `run ${run}: deleteAccount took ${result.deletionMs} ms (HTTP ${result.status}, errors ${JSON.stringify(result.errors)})`,
    );
    measured.push({ heavy: heavy.rows, ...result });
  }
} finally {
  await server.stop();
  await sql.unsafe(`alter database spotter_bench_${users} reset track_functions`);
  await sql.end();
  await cluster.stop();
}

const date = new Date().toISOString().slice(0, 10);
const name = `${date}-account-deletion-${users}`;
const lines = [
  `# deleteAccount of a heavy user at ${users.toLocaleString('en')} users (${date}, commit ${gitCommit() ?? 'unknown'})`,
  '',
  `\`npm run bench:accounts\`: production server, request statement timeout ${process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 5000} ms, deletion transaction timeout ${ACCOUNT_DELETION_TIMEOUT_MS} ms (\`set local\`).`,
  '',
];
for (const [i, run] of measured.entries()) {
  lines.push(
    `## Run ${i + 1}`,
    '',
    `The heavy user: ${Object.entries(run.heavy)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}.`,
    '',
  );
  lines.push(
    `deleteAccount: **${run.deletionMs} ms** (HTTP ${run.status}, errors ${JSON.stringify(run.errors)}); rows left naming the user: ${run.leftRows}.`,
    '',
  );
  lines.push(
    '| probe (a loop of requests, 20 ms apart) | before: n, p50 ms | during the deletion: n, max ms, failed | after: p50 ms |',
    '|---|---|---|---|',
  );
  for (const probe of run.probes) {
    const before = summary(probe.before);
    const during = summary(probe.during.map((d) => d.ms));
    const after = summary(probe.after);
    lines.push(
      `| ${probe.name} | ${before.n}, ${before.p50} | ${during.n}, ${during.max}, ${probe.during.filter((d) => !d.ok).length} | ${after.p50} |`,
    );
  }
  const relations = new Map<string, string>();
  for (const sample of run.lockSamples)
    for (const [rel, mode] of Object.entries(sample.relations)) relations.set(rel, mode);
  const maxWaiting = Math.max(0, ...run.lockSamples.map((s) => s.waiting));
  lines.push(
    '',
    `Relation locks the deleting transaction held (${run.lockSamples.length} samples): ${[...relations].map(([r, m]) => `${r} (${m})`).join(', ') || 'none sampled'}.`,
  );
  lines.push(`Backends blocked by it at once, at most: ${maxWaiting}.`, '');
  if (run.statements.length) {
    lines.push('| statement | calls | ms |', '|---|---:|---:|');
    for (const s of run.statements) lines.push(`| \`${s.query.replace(/\|/g, '\\|')}\` | ${s.calls} | ${s.ms} |`);
    lines.push('');
  }
  if (run.functions.length) {
    lines.push(
      '| function (pg_stat_user_functions: the deletion and the probes during the run) | calls | ms |',
      '|---|---:|---:|',
    );
    for (const f of run.functions) lines.push(`| ${f.name} | ${f.calls} | ${f.ms} |`);
    lines.push('');
  }
}
await mkdir(resultsDir, { recursive: true });
await writeFile(`${resultsDir}${name}.md`, `${lines.join('\n')}\n`);
await writeFile(`${resultsDir}${name}.json`, `${JSON.stringify({ date, users, shape, runs: measured }, null, 2)}\n`);
log(`wrote bench/results/${name}.md`);
