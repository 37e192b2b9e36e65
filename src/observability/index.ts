import type { Config } from '../config';
import type { Sql } from '../db/client';
import { instrumentSql } from '../db/instrument';
import type { Logger } from './logger';
import { createMetrics, type JobRuns, type Metrics } from './metrics';
import type { RequestRecord } from './requests';

export interface Observability {
  readonly logger: Logger;
  /** null when SPOTTER_METRICS=off: no /metrics, no statement timing. */
  readonly metrics: Metrics | null;
  /** The client for work outside requests (jobs, live streams, /ready), timed when metrics are on. */
  readonly sql: Sql;
  /** A request's own view of the client: its statements count into its record and name its operation. */
  requestSql(record: RequestRecord): Sql;
  readonly jobs: JobRuns;
}

const NO_JOB_RUNS: JobRuns = { record() {} };

export function createObservability(raw: Sql, config: Config, logger: Logger, now: () => Date): Observability {
  if (!config.metrics) {
    return { logger, metrics: null, sql: raw, requestSql: () => raw, jobs: NO_JOB_RUNS };
  }
  const metrics = createMetrics({ poolSize: raw.options.max, slowStatementMs: config.slowStatementMs, now });
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
  const processSink = metrics.statementSink((name, ms) => slow(name, ms, null));
  return {
    logger,
    metrics,
    sql: instrumentSql(raw, processSink),
    requestSql(record) {
      return instrumentSql(
        raw,
        metrics.statementSink(
          (name, ms) => slow(name, ms, record),
          (ms) => {
            record.statements++;
            record.databaseMs += ms;
          },
        ),
      );
    },
    jobs: metrics,
  };
}
