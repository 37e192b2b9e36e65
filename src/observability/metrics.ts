import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { StatementSink } from '../db/instrument';
import type { RoutingStatus } from '../db/replicas';

/** Seconds; GraphQL requests and statements here take from well under a millisecond to seconds. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export type Transport = 'sse' | 'websocket' | 'http';

/** What a scheduled job reports after each run; `outcome` is a small fixed set per job. */
export interface JobRuns {
  record(job: string, outcome: string, seconds: number): void;
}

export interface Metrics extends JobRuns {
  readonly registry: Registry;
  /**
   * A sink for an instrumented client: feeds the per-statement series, the pool series when `pool`
   * (the primary's pool, which they describe; a replica's statements count by name only), and calls
   * `onSlow` for a statement over SPOTTER_SLOW_STATEMENT_MS.
   */
  statementSink(onSlow: (name: string, ms: number) => void, pool?: boolean): StatementSink;
  subscriptionOpened(transport: Transport): () => void;
  /** Board deltas this process folded into the histograms (src/jobs/boards.ts). */
  boardsFolded(count: number): void;
  /** A daily board snapshot this process took, and how long it took. */
  boardSnapshotTaken(durationMs: number): void;
  /** A request for the identity provider's key set (JWT_JWKS_URL), and whether it brought keys. */
  jwksFetched(outcome: 'ok' | 'failed'): void;
  /**
   * The GraphQL series, fed from each request's record: requests and latency by operation, errors by
   * `extensions.code`. Children are bound once per label set, so a request costs a map lookup or two.
   */
  graphqlSeries(): GraphqlSeries;
  /** Read replicas' lag, rotation and reads, and the primary's reads by reason, read at each scrape. */
  watchReadRouting(status: () => RoutingStatus): void;
}

/** What the request series read off a request's record. */
interface AnsweredRequest {
  readonly startedAt: number;
  readonly operationName: string | null;
  readonly operationType: string | null;
  readonly errorCodes: readonly string[];
}

export interface GraphqlSeries {
  /** An HTTP or SSE request answered with `status` (its latency runs from arrival to now). */
  response(record: AnsweredRequest, status: number): void;
  /** A WebSocket operation started: it has no response to be counted at. */
  operation(record: AnsweredRequest): void;
  /** A WebSocket operation's result carried errors. */
  errors(record: AnsweredRequest): void;
}

/** Distinct operation names the GraphQL series label; more share {@link OTHER_OPERATIONS}. */
export const OPERATION_NAMES_LIMIT = 500;
export const OTHER_OPERATIONS = '(other)';

export interface MetricsOptions {
  /** The pool's configured size (postgres.js `max`). */
  poolSize: number;
  slowStatementMs: number;
  /** The clock the leaderboard age is measured against. */
  now: () => Date;
}

/**
 * The process's Prometheus series, in a registry of its own (tests run several apps in one process).
 * Per-statement series are pre-bound per name, so a statement costs two counter additions.
 */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const statements = new Counter({
    name: 'spotter_sql_statements_total',
    help: 'SQL statements sent, by the name in their leading /* name */ tag',
    labelNames: ['statement'],
    registers: [registry],
  });
  const statementSeconds = new Counter({
    name: 'spotter_sql_statement_seconds_total',
    help: 'Time from sending a statement to its result (waiting for a connection included), by statement name',
    labelNames: ['statement'],
    registers: [registry],
  });
  const slowStatements = new Counter({
    name: 'spotter_sql_slow_statements_total',
    help: `Statements slower than SPOTTER_SLOW_STATEMENT_MS (${options.slowStatementMs} ms), by statement name`,
    labelNames: ['statement'],
    registers: [registry],
  });
  const bound = new Map<string, { count: Counter.Internal; seconds: Counter.Internal }>();
  function seriesOf(name: string) {
    let series = bound.get(name);
    if (!series) {
      series = { count: statements.labels(name), seconds: statementSeconds.labels(name) };
      bound.set(name, series);
    }
    return series;
  }

  // postgres.js keeps its queues private, so the pool is counted at the client wrapper: a transaction
  // holds one connection for its whole length; a statement outside one holds one while it runs.
  let openTransactions = 0;
  let statementsOutsideTransactions = 0;
  const demand = () => openTransactions + statementsOutsideTransactions;
  new Gauge({
    name: 'spotter_db_pool_size',
    help: 'Connections the pool may open (postgres.js max)',
    registers: [registry],
    collect() {
      this.set(options.poolSize);
    },
  });
  new Gauge({
    name: 'spotter_db_pool_in_use',
    help: 'Connections busy: open transactions plus statements running outside one, at most the pool size',
    registers: [registry],
    collect() {
      this.set(Math.min(options.poolSize, demand()));
    },
  });
  new Gauge({
    name: 'spotter_db_pool_waiting',
    help: 'Statements and transactions beyond the pool size, waiting for a connection',
    registers: [registry],
    collect() {
      this.set(Math.max(0, demand() - options.poolSize));
    },
  });

  const subscriptions = new Gauge({
    name: 'spotter_subscriptions_live',
    help: 'Subscriptions streaming right now, by transport',
    labelNames: ['transport'],
    registers: [registry],
  });
  for (const transport of ['sse', 'websocket', 'http'] as const) subscriptions.labels(transport).set(0);

  const jobRuns = new Counter({
    name: 'spotter_job_runs_total',
    help: 'Runs of scheduled jobs, by job and outcome',
    labelNames: ['job', 'outcome'],
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: 'spotter_job_duration_seconds',
    help: 'How long each run of a scheduled job took, by job',
    labelNames: ['job'],
    buckets: JOB_BUCKETS,
    registers: [registry],
  });

  const foldedDeltas = new Counter({
    name: 'spotter_board_deltas_folded_total',
    help: 'Board entry moves folded into the board histograms by this process',
    registers: [registry],
  });
  const jwksFetches = new Counter({
    name: 'spotter_jwks_fetches_total',
    help: "Requests for the identity provider's key set (JWT_JWKS_URL), by outcome",
    labelNames: ['outcome'],
    registers: [registry],
  });
  const snapshotSeconds = new Gauge({
    name: 'spotter_board_snapshot_duration_seconds',
    help: 'How long the last daily board snapshot (previousRank) this process took ran',
    registers: [registry],
  });

  function graphqlSeries(): GraphqlSeries {
    const requests = new Counter({
      name: 'spotter_graphql_requests_total',
      help: 'GraphQL operations answered, by operation name and type',
      labelNames: ['operationName', 'operationType'],
      registers: [registry],
    });
    const latency = new Histogram({
      name: 'spotter_graphql_request_duration_seconds',
      help: 'HTTP GraphQL requests from arrival to response, by operation name, type and status',
      labelNames: ['operationName', 'operationType', 'statusCode'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    const errors = new Counter({
      name: 'spotter_graphql_errors_total',
      help: 'GraphQL errors in responses, by extensions.code, phase (execute, or request: refused before running) and operation name',
      labelNames: ['code', 'phase', 'operationName'],
      registers: [registry],
    });
    const bound = new Map<string, { requests: Counter.Internal; latency: Histogram.Internal<string> }>();
    // Clients choose operation names: past a bound, new ones share one label instead of growing the
    // registry (and every scrape) without limit.
    const names = new Set<string>();
    const operationName = (record: AnsweredRequest) => {
      const name = record.operationName ?? 'Anonymous';
      if (names.has(name)) return name;
      if (names.size >= OPERATION_NAMES_LIMIT) return OTHER_OPERATIONS;
      names.add(name);
      return name;
    };
    const countErrors = (record: AnsweredRequest) => {
      const phase = record.operationType === null ? 'request' : 'execute';
      for (const code of record.errorCodes) errors.labels(code, phase, operationName(record)).inc();
    };
    return {
      response(record, status) {
        const name = operationName(record);
        const key = `${name}\0${record.operationType}\0${status}`;
        let series = bound.get(key);
        if (!series) {
          const type = record.operationType ?? 'unknown';
          series = { requests: requests.labels(name, type), latency: latency.labels(name, type, String(status)) };
          bound.set(key, series);
        }
        series.requests.inc();
        series.latency.observe((performance.now() - record.startedAt) / 1000);
        if (record.errorCodes.length > 0) countErrors(record);
      },
      operation(record) {
        requests.labels(operationName(record), record.operationType ?? 'unknown').inc();
      },
      errors: countErrors,
    };
  }

  function watchReadRouting(status: () => RoutingStatus) {
    new Gauge({
      name: 'spotter_replica_lag_seconds',
      help: 'How far each replica trails: time since the primary was at the WAL position it has replayed',
      labelNames: ['replica'],
      registers: [registry],
      collect() {
        this.reset();
        for (const replica of status().replicas)
          if (replica.lagMs !== null) this.labels(replica.name).set(replica.lagMs / 1000);
      },
    });
    new Gauge({
      name: 'spotter_replica_in_rotation',
      help: '1 while the replica serves reads, 0 while it is down or too far behind',
      labelNames: ['replica'],
      registers: [registry],
      collect() {
        this.reset();
        for (const replica of status().replicas) this.labels(replica.name).set(replica.inRotation ? 1 : 0);
      },
    });
    // The router keeps the totals; the counter only reports them, so it is reset and refilled per scrape.
    new Counter({
      name: 'spotter_reads_total',
      help: 'Query operations by the server that answered them: a replica, or the primary and why',
      labelNames: ['target', 'reason'],
      registers: [registry],
      collect() {
        const { replicas, primaryReads } = status();
        this.reset();
        for (const replica of replicas) this.labels(replica.name, 'replica').inc(replica.reads);
        for (const [reason, count] of Object.entries(primaryReads)) this.labels('primary', reason).inc(count);
      },
    });
  }

  return {
    registry,
    graphqlSeries,
    watchReadRouting,
    statementSink(onSlow, pool = true) {
      return {
        started(_name, inTransaction) {
          if (pool && !inTransaction) statementsOutsideTransactions++;
        },
        finished(name, ms, inTransaction) {
          if (pool && !inTransaction) statementsOutsideTransactions--;
          const series = seriesOf(name);
          series.count.inc();
          series.seconds.inc(ms / 1000);
          if (ms >= options.slowStatementMs) {
            slowStatements.labels(name).inc();
            onSlow(name, ms);
          }
        },
        transaction(delta) {
          if (pool) openTransactions += delta;
        },
      };
    },
    subscriptionOpened(transport) {
      const gauge = subscriptions.labels(transport);
      gauge.inc();
      let closed = false;
      return () => {
        if (closed) return;
        closed = true;
        gauge.dec();
      };
    },
    boardsFolded(count) {
      if (count > 0) foldedDeltas.inc(count);
    },
    boardSnapshotTaken(durationMs) {
      snapshotSeconds.set(durationMs / 1000);
    },
    jwksFetched(outcome) {
      jwksFetches.labels(outcome).inc();
    },
    record(job, outcome, seconds) {
      jobRuns.labels(job, outcome).inc();
      jobSeconds.labels(job).observe(seconds);
    },
  };
}
