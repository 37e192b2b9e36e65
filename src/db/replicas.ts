import postgres from 'postgres';
import { createSql, type Sql } from './client';
import { formatLsn, type Lsn, parseLsn } from './consistency';

export interface ReplicaOptions {
  /** A replica further behind than this leaves rotation. */
  maxLagMs: number;
  /** How long a read with a token no replica has reached waits before the primary serves it. */
  waitMs: number;
  /** How often every replica's replay position (and so its lag) is read. @default 1000 */
  checkIntervalMs?: number;
  /** Connections per replica. @default 5 */
  poolSize?: number;
  /** Runs the health checks on a timer; false: only on `check()`. @default true */
  schedule?: boolean;
}

/** Where one operation's reads go, and how to learn the WAL position its response reflects. */
export interface Route {
  /** `primary` or the replica's name. */
  target: string;
  sql: Sql;
  /**
   * Read after the operation: an upper bound of every row it saw, so the token never under-reports.
   * `sql` is the request's own view of this route's client, so the statement counts in the request.
   */
  position(sql?: Sql): Promise<Lsn>;
  /** The operation failed because this target is unreachable: take it out of rotation. */
  failed(): void;
}

export type ReplicaState = 'starting' | 'up' | 'lagging' | 'down';

export interface ReplicaStatus {
  name: string;
  state: ReplicaState;
  inRotation: boolean;
  /** Wall time since the primary was at a position this replica has not replayed; 0 when caught up. */
  lagMs: number | null;
  replayedLsn: string | null;
  /** Query operations this replica served. */
  reads: number;
  lastError: string | null;
}

export interface RoutingStatus {
  replicas: ReplicaStatus[];
  /** Query operations the primary served, by why no replica did. */
  primaryReads: { noReplicaInRotation: number; behindToken: number; replicaFailed: number };
}

interface Replica {
  name: string;
  url: string;
  sql: Sql;
  state: ReplicaState;
  replayed: Lsn | null;
  lagMs: number | null;
  reads: number;
  lastError: string | null;
}

/** A sample of the primary's WAL insert position and when it was read, for measuring lag in wall time. */
interface Sample {
  lsn: Lsn;
  at: number;
}

/** The name a replica goes by in /ready and /metrics: its address, never its password. */
export function replicaName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/** Errors after which the same read on another server succeeds: the server is gone, or (on a standby) replay cancelled the query. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof postgres.PostgresError) {
    return ['57P01', '57P02', '57P03', '40001', '08006', '08001', '08004'].includes(error.code);
  }
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'EPIPE',
      'ETIMEDOUT',
      'CONNECTION_CLOSED',
      'CONNECTION_ENDED',
      'CONNECTION_DESTROYED',
      'CONNECT_TIMEOUT',
    ].includes(code)
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function timeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

async function lsnOf(rows: Promise<{ lsn: string | null }[]>): Promise<Lsn | null> {
  const [row] = await rows;
  return row?.lsn ? parseLsn(row.lsn) : null;
}

/**
 * Routes query operations to streaming replicas. A replica is in rotation while its last health check
 * reached it and it lagged at most `maxLagMs`; lag is measured on this process's clock, as the time since
 * the primary's WAL was at a position the replica has not replayed yet (replay timestamps would count an
 * idle primary as lag, and would compare two servers' clocks).
 */
export function createReadRouter(primary: Sql, urls: readonly string[], options: ReplicaOptions) {
  const checkIntervalMs = options.checkIntervalMs ?? 1000;
  // Replicas are direct connections (a pooler in front of one would need prepare: false too).
  const pool = (url: string) =>
    createSql(url, { max: options.poolSize ?? 5, connectTimeout: Math.max(1, Math.ceil(checkIntervalMs / 1000)) });
  const replicas: Replica[] = urls.map((url) => ({
    name: replicaName(url),
    url,
    sql: pool(url),
    state: 'starting',
    replayed: null,
    lagMs: null,
    reads: 0,
    lastError: null,
  }));
  const primaryReads = { noReplicaInRotation: 0, behindToken: 0, replicaFailed: 0 };
  const samples: Sample[] = [];
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> | null = null;
  let closed = false;

  const inRotation = (replica: Replica) => replica.state === 'up';

  /**
   * Out of rotation as down, with a fresh pool: postgres.js leaves queries queued behind a connection
   * that died waiting, so the old pool is destroyed, which fails them (and their operations retry on
   * the primary) instead of hanging.
   */
  const markDown = (replica: Replica, reason: string) => {
    replica.lastError = reason;
    replica.lagMs = null;
    if (replica.state === 'down') return;
    replica.state = 'down';
    const dead = replica.sql;
    replica.sql = pool(replica.url);
    void dead.end({ timeout: 0 }).catch(() => undefined);
  };

  const lagOf = (replayed: Lsn, now: number): number => {
    const oldestUnreplayed = samples.find((sample) => sample.lsn > replayed);
    return oldestUnreplayed ? now - oldestUnreplayed.at : 0;
  };

  const observe = (replica: Replica, replayed: Lsn) => {
    if (replica.replayed === null || replayed > replica.replayed) replica.replayed = replayed;
  };

  async function checkReplica(replica: Replica): Promise<void> {
    try {
      const replayed = await timeout(
        lsnOf(replica.sql`/* replicas:health */ select pg_last_wal_replay_lsn()::text as lsn`),
        checkIntervalMs * 2,
      );
      if (replayed === null) throw new Error('not a standby: pg_last_wal_replay_lsn() is null');
      observe(replica, replayed);
      replica.lagMs = lagOf(replica.replayed!, Date.now());
      replica.state = replica.lagMs > options.maxLagMs ? 'lagging' : 'up';
      replica.lastError = replica.state === 'lagging' ? `${replica.lagMs} ms behind` : null;
    } catch (error) {
      markDown(replica, error instanceof Error ? error.message : String(error));
    }
  }

  async function checkAll(): Promise<void> {
    const now = Date.now();
    try {
      const lsn = await lsnOf(primary`/* replicas:primaryPosition */ select pg_current_wal_insert_lsn()::text as lsn`);
      if (lsn !== null && (samples.length === 0 || lsn > samples[samples.length - 1]!.lsn))
        samples.push({ lsn, at: now });
    } catch {
      // The primary is down: /ready says so; the replicas' lag cannot be measured until it is back.
    }
    await Promise.all(replicas.map(checkReplica));
    // Keep only the samples some replica may still be behind, and the newest.
    const slowest = replicas.reduce<Lsn | null>(
      (min, r) => (r.replayed === null ? min : min === null || r.replayed < min ? r.replayed : min),
      null,
    );
    while (samples.length > 1 && slowest !== null && samples[1]!.lsn <= slowest) samples.shift();
    while (samples.length > 10_000) samples.shift();
  }

  /** Runs one health check of every replica now (or joins the one running). */
  function check(): Promise<void> {
    checking ??= checkAll().finally(() => {
      checking = null;
    });
    return checking;
  }

  function schedule() {
    if (closed || options.schedule === false) return;
    timer = setTimeout(() => void check().finally(schedule), checkIntervalMs);
    timer.unref();
  }

  const primaryRoute = (reason: keyof typeof primaryReads | null): Route => {
    if (reason) primaryReads[reason]++;
    return {
      target: 'primary',
      sql: primary,
      position: async (sql = primary) =>
        (await lsnOf(sql`/* consistency:written */ select pg_current_wal_insert_lsn()::text as lsn`)) ?? 0n,
      failed: () => {},
    };
  };

  const replicaRoute = (replica: Replica): Route => {
    replica.reads++;
    return {
      target: replica.name,
      sql: replica.sql,
      position: async (sql = replica.sql) => {
        const replayed = await lsnOf(sql`/* consistency:replayed */ select pg_last_wal_replay_lsn()::text as lsn`);
        if (replayed !== null) observe(replica, replayed);
        return replayed ?? replica.replayed ?? 0n;
      },
      failed: () => {
        replica.reads--;
        primaryReads.replicaFailed++;
        markDown(replica, 'a read failed on it; back once a health check reaches it');
      },
    };
  };

  /** Replicas in rotation, starting at the next in turn, so reads spread across them. */
  function rotation(): Replica[] {
    const up = replicas.filter(inRotation);
    if (up.length === 0) return up;
    const start = next++ % up.length;
    return [...up.slice(start), ...up.slice(0, start)];
  }

  async function freshReplay(replica: Replica): Promise<Lsn | null> {
    try {
      const replayed = await lsnOf(
        replica.sql`/* consistency:replayed */ select pg_last_wal_replay_lsn()::text as lsn`,
      );
      if (replayed !== null) observe(replica, replayed);
      return replayed;
    } catch {
      return null;
    }
  }

  if (replicas.length > 0) void check().finally(schedule);

  return {
    /**
     * Where a query operation reads. Without a token: the next replica in rotation. With one: a replica
     * known to have replayed it, else the first to reach it within `waitMs` (re-read every 5 ms), else
     * the primary, which has everything.
     */
    async forRead(token: Lsn | null): Promise<Route> {
      const candidates = rotation();
      if (candidates.length === 0) return primaryRoute('noReplicaInRotation');
      if (token === null) return replicaRoute(candidates[0]!);
      const known = candidates.find((replica) => replica.replayed !== null && replica.replayed >= token);
      if (known) return replicaRoute(known);
      const deadline = Date.now() + options.waitMs;
      for (;;) {
        const replayed = await Promise.all(candidates.map(freshReplay));
        const caughtUp = candidates.find((_, i) => replayed[i] != null && replayed[i]! >= token);
        if (caughtUp) return replicaRoute(caughtUp);
        const left = deadline - Date.now();
        if (left <= 0) return primaryRoute('behindToken');
        await sleep(Math.min(5, left));
      }
    },
    /** Mutations: the primary, reporting the WAL position after their commit. */
    forWrite(): Route {
      return primaryRoute(null);
    },
    check,
    status(): RoutingStatus {
      return {
        replicas: replicas.map((replica) => ({
          name: replica.name,
          state: replica.state,
          inRotation: inRotation(replica),
          lagMs: replica.lagMs,
          replayedLsn: replica.replayed === null ? null : formatLsn(replica.replayed),
          reads: replica.reads,
          lastError: replica.lastError,
        })),
        primaryReads: { ...primaryReads },
      };
    },
    async close(): Promise<void> {
      closed = true;
      clearTimeout(timer);
      await checking?.catch(() => undefined);
      await Promise.all(replicas.map((replica) => replica.sql.end({ timeout: 5 })));
    },
  };
}

export type ReadRouter = ReturnType<typeof createReadRouter>;
