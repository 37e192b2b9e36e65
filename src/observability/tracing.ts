import type { Config } from '../config';
import type { RequestRecord } from './requests';

export type SpanAttributes = Record<string, string | number | boolean | readonly string[]>;

/**
 * OpenTelemetry spans, when OTEL_EXPORTER_OTLP_ENDPOINT is set (src/observability/otel.ts; the
 * reference is docs/traces.md). Without it there is no Tracing at all: the SDK is never loaded, and
 * each place that would trace tests one `null`.
 */
export interface Tracing {
  /** Opens the span of a GraphQL request, in the trace its W3C `traceparent` header continues. */
  requestStarted(record: RequestRecord, headers: { get(name: string): string | null } | null): void;
  /** The operation is known (`record.operationName`, `record.operationType`): the span takes its name. */
  operationNamed(record: RequestRecord): void;
  /** Ends the request's span: its outcome, the `extensions.code`s on the record, the HTTP status if any. */
  requestEnded(record: RequestRecord, status: number | null): void;
  /**
   * A statement that finished: a span under the request's span (`record`), or, outside requests, under
   * the active job or delivery span; none at all outside both. `result` is what the driver answered
   * (rows are counted off it) or the error it failed with (only its SQLSTATE is kept).
   */
  statement(record: RequestRecord | null, name: string, ms: number, result: unknown): void;
  /** Runs `work` inside a span of its own: the child of `record`'s span when given, else a root. */
  inSpan<T>(
    name: string,
    attributes: SpanAttributes,
    work: (annotate: (more: SpanAttributes) => void) => Promise<T>,
    record?: RequestRecord | null,
  ): Promise<T>;
  /** A root span for work already done and timed, e.g. a fold that moved deltas. */
  completed(name: string, ms: number, attributes: SpanAttributes): void;
  /** Exports what is buffered now (spans are otherwise sent about once a second). */
  flush(): Promise<void>;
  /** Exports what is buffered, then stops. */
  shutdown(): Promise<void>;
}

/** Starts tracing as configured, or returns null without loading the SDK. */
export async function startTracing(config: Pick<Config, 'tracing'>): Promise<Tracing | null> {
  if (!config.tracing) return null;
  const { createTracing } = await import('./otel');
  return createTracing(config.tracing);
}
