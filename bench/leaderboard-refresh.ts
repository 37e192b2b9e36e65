/**
 * Times a full leaderboard refresh against the configured database (seed it first):
 *   npm run seed -- --users 100000 && npx tsx bench/leaderboard-refresh.ts [runs]
 * Two moments are measured: now, and the last Sunday evening before now, when the week's board is fullest.
 */

import { withDatabase } from '../src/cli/with-database';
import { refreshLeaderboards, weekStartOf } from '../src/jobs/leaderboards';

const runs = Number(process.argv[2] ?? 5);

await withDatabase(async (sql) => {
  const [{ users, workouts }] = await sql<[{ users: number; workouts: number }]>`/* bench:size */
    select (select count(*) from users) as users, (select count(*) from workouts) as workouts`;
  console.log(`${users.toLocaleString('en')} users, ${workouts.toLocaleString('en')} workouts`);
  const now = new Date();
  const sundayEvening = new Date(weekStartOf(now).getTime() - 2 * 3_600_000);
  for (const [label, moment] of [
    ['now', now],
    ['Sunday 22:00 UTC', sundayEvening],
  ] as const) {
    const times: number[] = [];
    let entries = {};
    const [{ lsn: walBefore }] = await sql<
      [{ lsn: string }]
    >`/* bench:wal */ select pg_current_wal_insert_lsn()::text as lsn`;
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      const outcome = await refreshLeaderboards(sql, { now: moment, when: 'always' });
      times.push(performance.now() - started);
      if (outcome.status === 'refreshed') entries = outcome.entries;
    }
    const [{ bytes }] = await sql<[{ bytes: number }]>`/* bench:wal */
      select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ${walBefore}::pg_lsn)::float8 as bytes`;
    times.sort((a, b) => a - b);
    const ms = (x: number) => `${Math.round(x)} ms`;
    console.log(
      `${label}: entries ${JSON.stringify(entries)}; refresh min ${ms(times[0]!)}, median ${ms(times[Math.floor(times.length / 2)]!)}, max ${ms(times.at(-1)!)}; WAL ${(bytes / runs / 1e6).toFixed(1)} MB per refresh`,
    );
  }
});
