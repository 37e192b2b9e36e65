import type { Sql } from '../db/client';
import { progress } from './progress';

export interface ScaleOptions {
  users: number;
  /** Rows per INSERT … SELECT; big enough to be fast, small enough to show progress. */
  batch?: number;
}

export interface SeedStep {
  label: string;
  /** Total units of work, for the progress bar. */
  total: (options: ScaleOptions) => number;
  run: (sql: Sql, options: ScaleOptions, tick: (done: number) => void) => Promise<void>;
}

const COUNTRIES = [
  'US',
  'GB',
  'DE',
  'SE',
  'BR',
  'IN',
  'JP',
  'FR',
  'CA',
  'AU',
  'ES',
  'IT',
  'NL',
  'PL',
  'MX',
  'KR',
  'NO',
  'FI',
  'ZA',
  'NG',
];

/** Users with plausible names, countries and a few who hide from leaderboards. */
export const usersStep: SeedStep = {
  label: 'users',
  total: (o) => o.users,
  async run(sql, { users, batch = 50_000 }, tick) {
    const [{ offset }] = await sql<
      [{ offset: number }]
    >`/* seed:userOffset */ select coalesce(max(id), 0)::bigint as offset from users`;
    for (let from = 1; from <= users; from += batch) {
      const to = Math.min(users, from + batch - 1);
      await sql`/* seed:users */
        insert into users (username, display_name, country, ghost_mode, leaderboard_opt_in, created_at)
        select 'athlete' || (${offset} + g),
               initcap((array['alex','sam','kim','jo','lee','max','ria','noa','eli','ada','ivy','kai'])[1 + (g % 12)])
                 || ' ' || initcap((array['stone','rivers','lind','berg','okafor','silva','tanaka','novak','haas','moreau'])[1 + ((g / 12) % 10)]),
               (${COUNTRIES}::text[])[1 + (hashint4(g::int) & 2147483647) % ${COUNTRIES.length}],
               (hashint4(g::int + 7) & 2147483647) % 100 < 2,
               (hashint4(g::int + 13) & 2147483647) % 100 >= 3,
               now() - make_interval(days => (hashint4(g::int + 3) & 2147483647) % 700)
          from generate_series(${from}::bigint, ${to}::bigint) as g`;
      tick(to);
    }
  },
};

/**
 * A long-tailed follow graph: each user follows 0–40 others, and targets are drawn with a cubic
 * bias toward low ids, so a few users have thousands of followers and most have a handful.
 * Row triggers are switched off for the bulk insert and the counters recomputed in one pass.
 */
export const followsStep: SeedStep = {
  label: 'follows',
  total: (o) => o.users,
  async run(sql, { batch = 20_000 }, tick) {
    const [{ minId, maxId }] = await sql<[{ minId: number; maxId: number }]>`/* seed:userRange */
      select min(id) as min_id, max(id) as max_id from users`;
    const span = maxId - minId + 1;
    await sql`alter table follows disable trigger _500_counters`;
    // The seed draws no blocks; the per-pair lock of each row would only fill the lock table.
    await sql`alter table follows disable trigger _050_refuse_blocked`;
    try {
      for (let from = minId; from <= maxId; from += batch) {
        const to = Math.min(maxId, from + batch - 1);
        await sql`/* seed:follows */
          insert into follows (follower_id, followee_id, created_at)
          select follower_id, followee_id, created_at from (
            select u.id as follower_id, ${minId}::bigint + floor(${span} * power(random(), 3))::bigint as followee_id,
                   now() - make_interval(secs => floor(random() * 86400 * 365)::int) as created_at
              from users u
             cross join lateral generate_series(1, (hashint8(u.id) & 2147483647) % 41) as n
             where u.id between ${from} and ${to}
          ) edge
          where follower_id <> followee_id
          on conflict do nothing`;
        tick(to - minId + 1);
      }
    } finally {
      await sql`alter table follows enable trigger _500_counters`;
      await sql`alter table follows enable trigger _050_refuse_blocked`;
    }
    await sql`/* seed:followCounters */
      update users u set follower_count = coalesce(f.followers, 0), following_count = coalesce(g.following, 0)
        from users x
        left join (select followee_id, count(*)::int as followers from follows group by followee_id) f on f.followee_id = x.id
        left join (select follower_id, count(*)::int as following from follows group by follower_id) g on g.follower_id = x.id
       where u.id = x.id and (u.follower_count, u.following_count) is distinct from (coalesce(f.followers, 0), coalesce(g.following, 0))`;
  },
};

/**
 * Runs the steps with the board triggers switched off, then rebuilds every board in one pass: the
 * triggers would recompute each touched (user, board) pair statement by statement.
 */
export async function seedAtScale(sql: Sql, options: ScaleOptions, steps: SeedStep[]): Promise<void> {
  await setBoardTriggers(sql, 'disable');
  await setTeamTriggers(sql, 'disable');
  try {
    for (const step of steps) {
      const bar = progress(step.label, step.total(options));
      await step.run(sql, options, bar.tick);
      bar.done();
      // The next step's INSERT … SELECT reads what this one wrote; stale statistics (tables thought
      // empty) turn its joins into nested loops over millions of rows.
      await sql`analyze`;
    }
  } finally {
    await setBoardTriggers(sql, 'enable');
    await setTeamTriggers(sql, 'enable');
  }
  const bar = progress('boards', 1);
  await sql`/* seed:boards */ select boards_rebuild()`;
  await sql`/* seed:teams */ select teams_rebuild()`;
  await sql`analyze board_entries, board_buckets`;
  bar.done();
}

/** Switches every board-keeping trigger (named `_700_boards…`, drizzle/0023) off or on. */
export async function setBoardTriggers(sql: Sql, action: 'enable' | 'disable'): Promise<void> {
  const triggers = await sql<{ table: string; name: string }[]>`/* seed:boardTriggers */
    select tgrelid::regclass::text as table, tgname as name
      from pg_trigger where tgname like '\_700\_boards%' and not tgisinternal`;
  for (const trigger of triggers) {
    await sql.unsafe(`alter table ${trigger.table} ${action} trigger ${trigger.name}`);
  }
}

/** Switches the triggers that keep goal progress and team weeks on workouts (`_710_teams…`, drizzle/0027) off or on. */
export async function setTeamTriggers(sql: Sql, action: 'enable' | 'disable'): Promise<void> {
  const triggers = await sql<{ table: string; name: string }[]>`/* seed:teamTriggers */
    select tgrelid::regclass::text as table, tgname as name
      from pg_trigger where tgname like '\_710\_teams%' and not tgisinternal`;
  for (const trigger of triggers) {
    await sql.unsafe(`alter table ${trigger.table} ${action} trigger ${trigger.name}`);
  }
}
