/**
 * Times a full leaderboard refresh against the configured database (seed it first):
 *   npx tsx bench/leaderboard-refresh.ts [runs]
 * Two moments are measured: now, and the Sunday 22:00 UTC before now, when the week's board is fullest.
 * Wall time depends on what else the machine runs; on embedded PostgreSQL under Linux the CPU time
 * the whole cluster spent (backends, parallel workers) is reported too, which does not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDatabase } from '../src/cli/with-database';
import { isoWeekStart } from '../src/domain/rules';
import { refreshLeaderboards } from '../src/jobs/leaderboards';

const runs = Number(process.argv[2] ?? 5);
/** Linux's USER_HZ: /proc reports CPU time in hundredths of a second. */
const MS_PER_TICK = 10;

function cpuFields(pid: number | string): number[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
  } catch {
    return null;
  }
}

/** CPU time of a PostgreSQL cluster so far: its live processes, plus the exited children it reaped. */
function clusterCpuMs(postmasterPid: number): number {
  const postmaster = cpuFields(postmasterPid)!;
  // Fields after the command name: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime.
  let ticks = postmaster[11]! + postmaster[12]! + postmaster[13]! + postmaster[14]!;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const fields = cpuFields(pid);
    if (fields?.[1] === postmasterPid) ticks += fields[11]! + fields[12]!;
  }
  return ticks * MS_PER_TICK;
}

function postmasterPidOf(dataDir: string): number | null {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

await withDatabase(async (sql, config) => {
  const [{ users, workouts }] = await sql<[{ users: number; workouts: number }]>`/* bench:size */
    select (select count(*) from users) as users, (select count(*) from workouts) as workouts`;
  console.log(`${users.toLocaleString('en')} users, ${workouts.toLocaleString('en')} workouts`);
  const postmaster = config.databaseUrl ? null : postmasterPidOf(config.embeddedDataDir);
  const now = new Date();
  const sundayEvening = new Date(isoWeekStart(now).getTime() - 2 * 3_600_000);
  for (const [label, moment] of [
    ['now', now],
    ['Sunday 22:00 UTC', sundayEvening],
  ] as const) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let entries = {};
    const [{ lsn: walBefore }] = await sql<
      [{ lsn: string }]
    >`/* bench:wal */ select pg_current_wal_insert_lsn()::text as lsn`;
    for (let i = 0; i < runs; i += 1) {
      const cpuBefore = postmaster ? clusterCpuMs(postmaster) : 0;
      const started = performance.now();
      const outcome = await refreshLeaderboards(sql, { now: moment, when: 'always' });
      wall.push(performance.now() - started);
      if (postmaster) cpu.push(clusterCpuMs(postmaster) - cpuBefore);
      if (outcome.status === 'refreshed') entries = outcome.entries;
    }
    const [{ bytes }] = await sql<[{ bytes: number }]>`/* bench:wal */
      select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ${walBefore}::pg_lsn)::float8 as bytes`;
    const spread = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `min ${Math.round(sorted[0]!)} ms, median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms, max ${Math.round(sorted.at(-1)!)} ms`;
    };
    console.log(`${label}: entries ${JSON.stringify(entries)}`);
    console.log(`  wall ${spread(wall)}`);
    if (postmaster) console.log(`  database CPU ${spread(cpu)}`);
    console.log(`  WAL ${(bytes / runs / 1e6).toFixed(2)} MB per refresh`);
  }
});
