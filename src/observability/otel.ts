// Loaded only when tracing is configured (startTracing in ./tracing.ts): nothing here is imported at
// start-up otherwise.
import {
  type Context,
  context,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  type Sampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import {
  ATTR_DB_QUERY_SUMMARY,
  ATTR_DB_RESPONSE_STATUS_CODE,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVICE_NAME,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';
import type { TracingConfig } from '../config';
import type { RequestRecord } from './requests';
import type { SpanAttributes, Tracing } from './tracing';

// Incubating in the semantic conventions, whose authors ask that such names be copied, not imported.
const ATTR_DB_RESPONSE_RETURNED_ROWS = 'db.response.returned_rows';
const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';

const headerGetter: TextMapGetter<{ get(name: string): string | null }> = {
  get: (carrier, key) => carrier.get(key) ?? undefined,
  keys: () => ['traceparent', 'tracestate'],
};

function samplerOf(config: TracingConfig): Sampler {
  const ratio = new TraceIdRatioBasedSampler(config.samplerRatio);
  switch (config.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/** Rows a postgres.js result holds (returned, or affected by a write without `returning`). */
function rowsOf(result: unknown): number | undefined {
  const count = (result as { count?: unknown } | null)?.count;
  if (typeof count === 'number') return count;
  return Array.isArray(result) ? result.length : undefined;
}

/** What a failed statement's span keeps: its SQLSTATE (or the driver's code), never its message, which can quote values. */
function failure(span: Span, error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  const type = typeof code === 'string' ? code : error instanceof Error ? error.name : 'Error';
  span.setAttribute(ATTR_ERROR_TYPE, type);
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) span.setAttribute(ATTR_DB_RESPONSE_STATUS_CODE, code);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** Epoch milliseconds from the monotonic clock, so a span's start and end come from the clock that timed them. */
const nowMs = () => performance.timeOrigin + performance.now();

export function createTracing(config: TracingConfig): Tracing {
  const exporter =
    config.protocol === 'http/json' ? new JsonExporter({ url: config.url }) : new ProtobufExporter({ url: config.url });
  const provider = new TracerProvider({
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, read by the env detector, take precedence.
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'spotter' }).merge(
      detectResources({ detectors: [envDetector] }),
    ),
    sampler: samplerOf(config),
    spanProcessors: [
      new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1_000, maxQueueSize: 8_192, maxExportBatchSize: 1_024 }),
    ],
  });
  // Job and delivery spans reach the statements they cause through async context; request spans are
  // found through the request's record instead, which costs no async context per statement.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const tracer = provider.getTracer('spotter');
  const propagator = new W3CTraceContextPropagator();
  // Kept as long as the record lives: a subscription's deliveries and statements come after its span ended.
  const requests = new WeakMap<RequestRecord, { span: Span; context: Context; sampled: boolean; ended: boolean }>();

  return {
    requestStarted(record, headers) {
      const parent = headers ? propagator.extract(ROOT_CONTEXT, headers, headerGetter) : ROOT_CONTEXT;
      const span = tracer.startSpan(
        'GraphQL Operation',
        {
          kind: SpanKind.SERVER,
          attributes: { 'spotter.transport': record.transport, 'spotter.request_id': record.id },
        },
        parent,
      );
      const sampled = (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;
      requests.set(record, { span, context: trace.setSpan(parent, span), sampled, ended: false });
    },
    operationNamed(record) {
      const span = requests.get(record)?.span;
      if (!span || !record.operationType) return;
      span.updateName(record.operationName ? `${record.operationType} ${record.operationName}` : record.operationType);
      span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, record.operationType);
      if (record.operationName) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, record.operationName);
    },
    requestEnded(record, status) {
      const open = requests.get(record);
      if (!open || open.ended) return;
      open.ended = true;
      const { span } = open;
      const codes = [...new Set(record.errorCodes)];
      span.setAttribute('spotter.outcome', codes.length > 0 ? 'error' : 'ok');
      if (codes.length > 0) {
        span.setAttribute('spotter.error_codes', codes);
        span.setAttribute(ATTR_ERROR_TYPE, codes[0]!);
        span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(', ') });
      }
      if (status !== null) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      span.setAttribute('spotter.statements', record.statements);
      span.end();
    },
    statement(record, name, ms, result) {
      let parent: Context | undefined;
      if (record) {
        const open = requests.get(record);
        if (open?.sampled) parent = open.context;
      } else {
        const active = context.active();
        const sampled = trace.getSpan(active)?.spanContext().traceFlags;
        if (sampled !== undefined && (sampled & TraceFlags.SAMPLED) !== 0) parent = active;
      }
      if (!parent) return;
      const end = nowMs();
      const span = tracer.startSpan(
        name,
        {
          kind: SpanKind.CLIENT,
          startTime: end - ms,
          attributes: { [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL, [ATTR_DB_QUERY_SUMMARY]: name },
        },
        parent,
      );
      if (result instanceof Error) failure(span, result);
      else {
        const rows = rowsOf(result);
        if (rows !== undefined) span.setAttribute(ATTR_DB_RESPONSE_RETURNED_ROWS, rows);
      }
      span.end(end);
    },
    async inSpan(name, attributes, work, record) {
      const parent = (record && requests.get(record)?.context) || ROOT_CONTEXT;
      const span = tracer.startSpan(name, { attributes }, parent);
      try {
        return await context.with(trace.setSpan(parent, span), () =>
          work((more: SpanAttributes) => span.setAttributes(more)),
        );
      } catch (error) {
        failure(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
    completed(name, ms, attributes) {
      const end = nowMs();
      tracer.startSpan(name, { startTime: end - ms, attributes }, ROOT_CONTEXT).end(end);
    },
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
