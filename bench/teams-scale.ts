/**
 * Team triggers and team board at two scales (review, not part of `npm run bench`): a throwaway
 * cluster in /tmp/pg1m, two databases filled by generate_series with triggers off, then logWorkout-like
 * transactions with track_functions = 'all'. Usage: npx tsx bench/teams-scale.ts [users...]
 */
import postgres from 'postgres';
import { startEmbedded } from '../src/db/database';
import { migrateDatabase } from '../src/db/migrate';

const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
const WRITES = Number(process.env.WRITES ?? 1000);
const TEAMS_PER_100K = 2568;

async function fill(sql: postgres.Sql, users: number) {
  const teamCount = Math.ceil((users * TEAMS_PER_100K) / 100_000);
  await sql`set session_replication_role = replica`;
  await sql`insert into exercises (name) select 'Exercise ' || g from generate_series(1, 20) g on conflict do nothing`.catch(
    () => {},
  );
  await sql`insert into users (username, display_name) select 'user' || g, 'User ' || g from generate_series(1, ${users}) g`;
  // The seed's team shapes (src/seed/teams.ts), with teams 1, 2, 3 fixed at 10, 1,000 and 100 members.
  await sql`
    with planned as (
      select g as t, case when g = 1 then 10 when g = 2 then 1000 when g = 3 then 100
                          when (hashint8(g) & 2147483647) % 100 < 70 then 5 + (hashint8(g * 3 + 1) & 2147483647) % 16
                          when (hashint8(g) & 2147483647) % 100 < 95 then 20 + (hashint8(g * 3 + 1) & 2147483647) % 131
                          else 150 + (hashint8(g * 3 + 1) & 2147483647) % 851 end as size,
             hashint8(g * 5 + 2) & 2147483647 as offset_hash
        from generate_series(1, ${teamCount}) g),
    created as (
      insert into teams (name, join_policy) select 'Team ' || t, 'OPEN' from planned order by t returning id),
    numbered as (select id, row_number() over (order by id) as t from created)
    insert into team_members (team_id, user_id, role, joined_at)
    select c.id, 1 + (case when p.t <= 3 then (p.t - 1) * 1000 else 3000 + p.offset_hash % (${users} - 3000 - p.size) end) + k,
           (case when k = 0 then 'OWNER' else 'MEMBER' end)::team_role, now() - interval '60 days'
      from numbered c join planned p on p.t = c.t cross join lateral generate_series(0, p.size - 1) k`;
  await sql`update teams t set member_count = m.n from (select team_id, count(*)::int n from team_members group by 1) m where m.team_id = t.id`;
  // Five goals per team, all over the current month, one per metric plus a second XP goal.
  await sql`
    insert into team_goals (team_id, title, metric, target, starts_at, ends_at)
    select t.id, 'Goal ' || v.m, v.m::goal_metric, 1e8, date_trunc('month', now()), date_trunc('month', now()) + interval '1 month'
      from teams t cross join (values ('DISTANCE_METERS'), ('VOLUME_KG'), ('WORKOUTS'), ('XP'), ('XP')) v(m)`;
  // Three workouts per user this week, before now.
  await sql`
    insert into workouts (user_id, title, started_at, duration_seconds, distance_meters, total_volume_kg, set_count)
    select u, 'Session', team_week_of(now())::timestamp at time zone 'UTC'
             + (now() - team_week_of(now())::timestamp at time zone 'UTC') * random(),
           1800, round(random() * 5000), round(random() * 3000), 3
      from generate_series(1, ${users}) u cross join generate_series(1, 3)`;
  await sql`set session_replication_role = origin`;
  await sql`vacuum analyze`;
  await sql`select teams_rebuild()`;
  await sql`
    insert into team_board (team_id, metric, week_start, score)
    select w.team_id, v.metric, w.week_start, v.score
      from team_weeks w join teams t on t.id = w.team_id and t.member_count > 0
     cross join lateral (values ('DISTANCE_METERS'::goal_metric, w.distance_meters / t.member_count),
                                ('VOLUME_KG'::goal_metric, w.volume_kg / t.member_count),
                                ('WORKOUTS'::goal_metric, w.workouts / t.member_count),
                                ('XP'::goal_metric, w.xp / t.member_count)) v(metric, score)
     where w.week_start >= team_week_of(now()) and v.score > 0
    on conflict do nothing`;
  await sql`select boards_rebuild()`;
  await sql`vacuum analyze`;
}

type Stat = { funcname: string; calls: number; total_time: number; self_time: number };
async function stats(sql: postgres.Sql): Promise<Stat[]> {
  await sql`select pg_stat_force_next_flush()`;
  return sql<Stat[]>`select funcname, calls::int, total_time, self_time from pg_stat_user_functions
                      where calls > 0 and funcname not like '%rebuild' order by total_time desc`;
}

async function writes(sql: postgres.Sql, label: string, userIds: number[]) {
  await sql`select pg_stat_reset()`;
  const exercise = (await sql`select min(id)::int as id from exercises`)[0]!.id;
  const ids: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < WRITES; i++) {
    const user = userIds[i % userIds.length]!;
    await sql.begin(async (tx) => {
      await tx`select level from users where id = ${user} for no key update`;
      const [{ id }] = await tx<
        [{ id: string }]
      >`insert into workouts (user_id, title, started_at, duration_seconds, distance_meters)
                                values (${user}, 'Bench', now(), 1800, 3000) returning id`;
      await tx`insert into workout_sets (workout_id, position, exercise_id, reps, weight_kg)
               select ${id}, p, ${exercise}, 5, 100 from generate_series(1, 3) p`;
      ids.push(Number(id));
    });
  }
  const insertMs = (performance.now() - t0) / WRITES;
  const insertStats = await stats(sql);
  await sql`select pg_stat_reset()`;
  const deletes = Math.min(200, ids.length);
  const t1 = performance.now();
  for (const id of ids.slice(0, deletes)) await sql`delete from workouts where id = ${id}`;
  const deleteMs = (performance.now() - t1) / deletes;
  const deleteStats = await stats(sql);
  const brief = (list: Stat[], n: number) => ({
    triggerSelfMsPerWrite: +(list.reduce((a, s) => a + s.self_time, 0) / n).toFixed(3),
    team: Object.fromEntries(
      list
        .filter((s) => /team|goal/.test(s.funcname))
        .map((s) => [
          s.funcname,
          {
            callsPerWrite: +(s.calls / n).toFixed(2),
            meanMs: +(s.total_time / s.calls).toFixed(3),
            selfMsPerWrite: +(s.self_time / n).toFixed(3),
          },
        ]),
    ),
  });
  return {
    label,
    insertMs,
    insert: brief(insertStats, WRITES),
    deleteMs,
    delete: brief(deleteStats, deletes),
    deletes,
  };
}

async function explain(sql: postgres.Sql, depthShare: number) {
  const [{ n }] = await sql<
    [{ n: number }]
  >`select count(*)::int n from team_board where metric = 'XP' and week_start = team_week_of(now())`;
  const offset = Math.floor(n * depthShare);
  const [cur] = await sql`select score, team_id from team_board where metric = 'XP' and week_start = team_week_of(now())
                           order by score desc, team_id desc offset ${offset} limit 1`;
  const plan = await sql.unsafe(
    `explain (analyze, buffers, format text)
    with p as materialized (
      select t.*, b.score from team_board b join teams t on t.id = b.team_id
       where b.metric = 'XP' and b.week_start = team_week_of(now()) ${depthShare === 0 ? '' : `and (b.score, b.team_id) < (${cur!.score}::numeric, ${cur!.team_id}::bigint)`}
       order by b.score desc nulls last, b.team_id desc nulls last limit 21
    ), top as (select score, id as team_id from p order by score desc, id desc limit 1)
    select p.*, (select count(*) from team_board b, top where b.metric = 'XP' and b.week_start = team_week_of(now()) and b.score > top.score)::int as above,
           (select count(*) from team_board b, top where b.metric = 'XP' and b.week_start = team_week_of(now()) and b.score = top.score and b.team_id > top.team_id)::int as tied_before
      from p order by p.score desc, p.id desc`,
  );
  return { entries: n, offset, plan: plan.map((r) => r['QUERY PLAN']).join('\n') };
}

const db0 = await startEmbedded({
  dataDir: '/tmp/pg1m',
  port: 54360,
  database: 'postgres',
  settings: { track_functions: 'all' },
});
try {
  for (const users of SIZES) {
    const name = `teams_${users}`;
    const admin = postgres(db0.url, { max: 1, onnotice: () => {} });
    const url = db0.url.replace(/\/postgres$/, `/${name}`);
    if (process.env.EXPLAIN_ONLY) {
      await admin.end();
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      for (const depth of [0, 0.7]) console.log(JSON.stringify({ users, depth, ...(await explain(sql, depth)) }));
      await sql.end();
      continue;
    }
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    await migrateDatabase(url);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const tf = performance.now();
    await fill(sql, users);
    const [shape] = await sql`select (select count(*) from users)::int users, (select count(*) from teams)::int teams,
      (select count(*) from team_members)::int members, (select count(*) from team_goals)::int goals,
      (select count(*) from workouts)::int workouts, (select count(*) from team_weeks)::int team_weeks,
      (select count(*) from team_board)::int team_board, (select count(*) from goal_contributions)::int contributions`;
    console.log(JSON.stringify({ users, fillSeconds: (performance.now() - tf) / 1000, shape }));
    const noTeam = (
      await sql`select u.id::int from users u where not exists (select 1 from team_members m where m.user_id = u.id)
                              order by u.id limit 1000`
    ).map((r) => r.id);
    const team = async (id: number) =>
      (
        await sql`select user_id::int id from team_members m where team_id = ${id}
                  and not exists (select 1 from team_members o where o.user_id = m.user_id and o.team_id <> ${id}) order by 1`
      ).map((r) => r.id);
    for (const [label, ids] of [
      ['no team', noTeam],
      ['team of 10', await team(1)],
      ['team of 1000', await team(2)],
    ] as const) {
      const r = await writes(sql, label, ids);
      console.log(JSON.stringify({ users, ...r }));
    }
    for (const depth of [0, 0.7]) console.log(JSON.stringify({ users, depth, ...(await explain(sql, depth)) }));
    await sql.end();
  }
} finally {
  await db0.stop();
}
