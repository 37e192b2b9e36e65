import type { Config } from '../config';
import type { Sql } from '../db/client';
import { instrumentSql, type StatementSink } from '../db/instrument';
import type { Route } from '../db/replicas';
import type { Logger } from './logger';
import { createMetrics, type JobRuns, type Metrics } from './metrics';
import type { RequestRecord } from './requests';
import type { Tracing } from './tracing';

export interface Observability {
  readonly logger: Logger;
  /** null when SPOTTER_METRICS=off: no /metrics, no statement timing. */
  readonly metrics: Metrics | null;
  /** The client for work outside requests (jobs, live streams, /ready), timed when metrics are on. */
  readonly sql: Sql;
  /**
   * A request's own view of the client its route reads from (the primary's pool when `route` is null,
   * as without replicas): the one recorder of its statements. Each counts, under its `/* name *\/`
   * tag, into the request's record (its log line, and `extensions.sql` outside production), into the
   * per-statement /metrics series and into the slow-statement log.
   */
  requestSql(record: RequestRecord, route: Route | null): Sql;
  readonly jobs: JobRuns;
  /** null unless OTEL_EXPORTER_OTLP_ENDPOINT is set: then every named statement is also a span. */
  readonly tracing: Tracing | null;
}

const NO_JOB_RUNS: JobRuns = { record() {} };

export function createObservability(
  raw: Sql,
  config: Config,
  logger: Logger,
  now: () => Date,
  tracing: Tracing | null = null,
): Observability {
  // Outside production, `extensions.sql` shows every operation's statements, so they are counted even
  // without metrics.
  const countsStatements = config.metrics || !config.production || tracing !== null;
  const metrics = config.metrics
    ? createMetrics({ poolSize: raw.options.max, slowStatementMs: config.slowStatementMs, now })
    : null;
  const slow = (name: string, ms: number, record: RequestRecord | null) =>
    logger.warn(
      {
        statement: name,
        durationMs: Math.round(ms * 100) / 100,
        operationName: record?.operationName ?? null,
        requestId: record?.id ?? null,
      },
      'slow statement',
    );
  const requestSink = (record: RequestRecord, primary: boolean): StatementSink => {
    const series = metrics?.statementSink((name, ms) => slow(name, ms, record), primary);
    return {
      started(name, inTransaction) {
        record.names?.push(name);
        series?.started(name, inTransaction);
      },
      finished(name, ms, inTransaction, result) {
        record.statements++;
        record.databaseMs += ms;
        series?.finished(name, ms, inTransaction);
        tracing?.statement(record, name, ms, result);
      },
      transaction(delta) {
        series?.transaction(delta);
      },
    };
  };
  // Outside requests, a statement is a span only under a job's or a delivery's span.
  const series = metrics?.statementSink((name, ms) => slow(name, ms, null));
  const outsideRequests: StatementSink | undefined = tracing
    ? {
        started: (name, inTransaction) => series?.started(name, inTransaction),
        finished(name, ms, inTransaction, result) {
          series?.finished(name, ms, inTransaction);
          tracing.statement(null, name, ms, result);
        },
        transaction: (delta) => series?.transaction(delta),
      }
    : series;
  return {
    logger,
    metrics,
    tracing,
    sql: outsideRequests ? instrumentSql(raw, outsideRequests) : raw,
    requestSql(record, route) {
      const sql = route?.sql ?? raw;
      return countsStatements ? instrumentSql(sql, requestSink(record, sql === raw)) : sql;
    },
    jobs: metrics ?? NO_JOB_RUNS,
  };
}
