import type { ScaleOptions, SeedStep } from './scale';
import { FOLLOWERS_SHARE, ONLY_ME_SHARE } from './training';

const HISTORY_DAYS = 180;

/**
 * Walks, runs and rides beside the strength sessions: about 60% of users log 0–24 of them over the
 * last 180 days, no sets, a distance fit for the kind, visible in the strength sessions' shares. Only for users with no distance workout yet.
 * The statement-level counter triggers move users' XP and workout count; boards and team goals are
 * rebuilt at the end of the seed.
 */
export const distanceStep: SeedStep = {
  label: 'walks, runs, rides',
  total: (o: ScaleOptions) => o.users,
  async run(sql, { batch = 10_000 }, tick) {
    const [{ minId, maxId }] = await sql<[{ minId: number | null; maxId: number | null }]>`/* seed:distanceRange */
      select min(id) as min_id, max(id) as max_id from users`;
    if (minId === null || maxId === null) return;
    for (let from = minId; from <= maxId; from += batch) {
      const to = Math.min(maxId, from + batch - 1);
      await sql`/* seed:distance */
        insert into workouts (user_id, title, started_at, duration_seconds, distance_meters, created_at, visibility)
        select u.id, k.title, w.started_at, (k.pace * w.meters)::int, w.meters, w.started_at + make_interval(secs => (k.pace * w.meters)::int),
               (case when w.roll < ${ONLY_ME_SHARE} then 'ONLY_ME'
                     when w.roll < ${ONLY_ME_SHARE + FOLLOWERS_SHARE} then 'FOLLOWERS'
                     else 'EVERYONE' end)::workout_visibility
          from users u
         cross join lateral generate_series(1, case when (hashint8(u.id + 41) & 2147483647) % 10 < 6
                                                    then (hashint8(u.id + 43) & 2147483647) % 25 else 0 end) as n
         cross join lateral (
           select (array['Morning walk', 'Easy run', 'Gravel ride'])[1 + (hashint8(u.id * 7 + n) & 2147483647) % 3] as title) t
         cross join lateral (
           select t.title, case t.title when 'Morning walk' then 0.72 when 'Easy run' then 0.36 else 0.15 end as pace,
                  case t.title when 'Morning walk' then 2000 when 'Easy run' then 5000 else 18000 end as base,
                  case t.title when 'Morning walk' then 4000 when 'Easy run' then 7000 else 42000 end as spread) k
         cross join lateral (
           select round(k.base + random() * k.spread) as meters,
                  -- Never a session that has not ended yet (today's hour can still be ahead).
                  least(date_trunc('day', now() - make_interval(secs => ${HISTORY_DAYS} * 86400.0 * random()))
                    + make_interval(hours => 6 + ((hashint8(u.id + n) & 2147483647) % 12)::int),
                    now() - interval '3 hours') as started_at,
                  random() as roll) w
         where u.id between ${from} and ${to}
           and not exists (select 1 from workouts x where x.user_id = u.id and x.distance_meters > 0)`;
      tick(to - minId + 1);
    }
  },
};

/**
 * Teams of realistic sizes: one per 40 users, most of 5–20 members, a quarter of 20–150, one in
 * twenty of 150–1,000 (at most the users there are); each a run of consecutive user ids from a
 * hashed offset, so people belong to 0, 1 or a few teams. The first member owns it; a fifth are
 * INVITE_ONLY. Each team gets goals over last month, this month and next month, with targets sized to
 * the team, so some are complete and some are not. Membership and goal triggers are off during the
 * load; memberCount is set in one pass, and the seed's closing teams_rebuild() computes every
 * contribution, progress and team week.
 */
export const teamsStep: SeedStep = {
  label: 'teams',
  total: () => 1,
  async run(sql, options, tick) {
    const [{ exists }] = await sql<[{ exists: boolean }]>`/* seed:teamsExist */ select exists (select 1 from teams)`;
    if (exists) return tick(1);
    const teamCount = Math.max(1, Math.ceil(options.users / 40));
    await sql`alter table team_members disable trigger _500_teams`;
    await sql`alter table team_goals disable trigger _500_start`;
    try {
      await sql`/* seed:teams */
        with ranked as materialized (select id, row_number() over (order by id) - 1 as r from users),
        bounds as (select count(*) as n from users),
        sized as (
          select g as t, (hashint8(g) & 2147483647) % 100 as roll, hashint8(g * 3 + 1) & 2147483647 as h from generate_series(1, ${teamCount}) g),
        planned as (
          select t, least(b.n, case when roll < 70 then 5 + h % 16 when roll < 95 then 20 + h % 131 else 150 + h % 851 end) as size,
                 b.n, hashint8(t * 5 + 2) & 2147483647 as offset_hash, roll
            from sized cross join bounds b),
        created as (
          insert into teams (name, description, join_policy, created_at)
          select (array['Trail', 'River', 'Summit', 'Harbor', 'Canyon', 'Meadow', 'Granite', 'Coastal'])[1 + t % 8] || ' '
                 || (array['Walkers', 'Runners', 'Riders', 'Lifters', 'Striders', 'Crew', 'Club', 'Collective'])[1 + (t / 8) % 8]
                 || ' ' || t,
                 'A seeded team of ' || size || '.',
                 (case when roll % 5 = 0 then 'INVITE_ONLY' else 'OPEN' end)::team_join_policy,
                 now() - make_interval(days => 30 + (offset_hash % 300)::int)
            from planned order by t
          returning id, created_at),
        numbered as (select id, created_at, row_number() over (order by id) as t from created)
        insert into team_members (team_id, user_id, role, joined_at)
        select c.id, u.id, (case when k = 0 then 'OWNER' else 'MEMBER' end)::team_role,
               c.created_at + make_interval(mins => k::int * 37)
          from numbered c join planned p on p.t = c.t
         cross join lateral generate_series(0, p.size - 1) as k
          join ranked u on u.r = (p.offset_hash % greatest(1, p.n - p.size + 1)) + k`;
      await sql`/* seed:teamCounts */
        update teams t set member_count = m.n
          from (select team_id, count(*)::int as n from team_members group by team_id) m where m.team_id = t.id`;
      await sql`/* seed:goals */
        with months as (
          select date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' as this_month)
        insert into team_goals (team_id, title, metric, target, starts_at, ends_at)
        select t.id, w.label || ': ' || m.label, m.metric::goal_metric, m.per_member * t.member_count * w.scale,
               w.starts_at, w.ends_at
          from teams t cross join months
         cross join lateral (values
           ('Last month', this_month - interval '1 month', this_month, 0.8),
           ('This month', this_month, this_month + interval '1 month', 1.0),
           ('Next month', this_month + interval '1 month', this_month + interval '2 months', 1.0)) as w(label, starts_at, ends_at, scale)
         cross join lateral (
           select * from (values
             ('DISTANCE_METERS', 'kilometres together', 12000),
             ('WORKOUTS', 'sessions', 3),
             ('VOLUME_KG', 'tonnes lifted', 9000),
             ('XP', 'XP earned', 120)) v(metric, label, per_member)
            offset (t.id + extract(month from w.starts_at)::int) % 4 limit 1) m`;
    } finally {
      await sql`alter table team_members enable trigger _500_teams`;
      await sql`alter table team_goals enable trigger _500_start`;
    }
    tick(1);
  },
};
