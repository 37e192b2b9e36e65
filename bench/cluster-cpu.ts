import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * CPU time of a PostgreSQL cluster so far, in ms: its live processes (backends, parallel workers,
 * autovacuum, the checkpointer), plus the exited children it reaped. Linux only.
 */
export function clusterCpuMs(postmasterPid: number): number {
  const postmaster = cpuFields(postmasterPid);
  if (!postmaster) throw new Error(`No process ${postmasterPid}: is the cluster running?`);
  // Fields after the command name: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime.
  let ticks = postmaster[11]! + postmaster[12]! + postmaster[13]! + postmaster[14]!;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const fields = cpuFields(pid);
    if (fields?.[1] === postmasterPid) ticks += fields[11]! + fields[12]!;
  }
  return ticks * MS_PER_TICK;
}

/** The postmaster of the cluster in `dataDir`, from its postmaster.pid; null when it is not running. */
export function postmasterPidOf(dataDir: string): number | null {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}
