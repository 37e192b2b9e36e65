import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context';
import type { Observability } from '../observability';
import { LATENCY_BUCKETS } from '../observability/metrics';
import { newRequestRecord, type RequestRecord } from '../observability/requests';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function codeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

const operationLabels = (params: { operationName?: string; operationType?: string }) => ({
  operationName: params.operationName ?? 'Anonymous',
  operationType: params.operationType ?? 'unknown',
});

/** Each GraphQL request's record, from the moment it arrives to its response. */
export const requestRecords = new WeakMap<Request, RequestRecord>();

/**
 * Request records, the per-request log line, live-subscription counts and, when metrics are on,
 * `/metrics` with the GraphQL series (requests and latency by operation, errors by `extensions.code`).
 */
export function useObservability(observability: Observability, graphqlEndpoint: string): Plugin<Context> {
  const { logger, metrics } = observability;
  const logRequests = logger.isLevelEnabled('info');
  const plugins: Plugin<Context>[] = [];
  if (metrics) {
    const registry = metrics.registry;
    plugins.push(
      usePrometheus({
        registry,
        endpoint: '/metrics',
        metrics: {
          graphql_envelop_request: createCounter({
            registry,
            counter: {
              name: 'spotter_graphql_requests_total',
              help: 'GraphQL operations executed, by operation name and type',
              labelNames: ['operationName', 'operationType'],
            },
            fillLabelsFn: operationLabels,
          }),
          graphql_yoga_http_duration: createHistogram({
            registry,
            histogram: {
              name: 'spotter_graphql_request_duration_seconds',
              help: 'HTTP GraphQL requests from arrival to response, by operation name and type',
              labelNames: ['operationName', 'operationType', 'statusCode'],
              buckets: LATENCY_BUCKETS,
            },
            fillLabelsFn: (params, context: { response: Response }) => ({
              ...operationLabels(params),
              statusCode: context.response.status,
            }),
          }),
          graphql_envelop_error_result: createCounter({
            registry,
            counter: {
              name: 'spotter_graphql_errors_total',
              help: 'GraphQL errors in responses, by extensions.code, phase and operation name',
              labelNames: ['code', 'phase', 'operationName'],
            },
            fillLabelsFn: (params) => ({
              code: codeOf(params.error),
              phase: params.errorPhase ?? 'execute',
              operationName: params.operationName ?? 'Anonymous',
            }),
          }),
          graphql_envelop_request_duration: false,
          graphql_envelop_request_time_summary: false,
          graphql_envelop_deprecated_field: false,
          graphql_envelop_phase_parse: false,
          graphql_envelop_phase_validate: false,
          graphql_envelop_phase_context: false,
          graphql_envelop_phase_execute: false,
          graphql_envelop_phase_subscribe: false,
          graphql_envelop_schema_change: false,
        },
      }) as Plugin<Context>,
    );
  }

  const name = (record: RequestRecord, args: { document: unknown; operationName?: string | null }) => {
    const operation = getOperationAST(args.document as never, args.operationName);
    record.operationName = operation?.name?.value ?? null;
    record.operationType = operation?.operation ?? null;
  };

  return {
    onPluginInit({ addPlugin }) {
      for (const plugin of plugins) addPlugin(plugin);
    },
    onRequest({ request, url }) {
      if (url.pathname !== graphqlEndpoint) return;
      const accept = request.headers.get('accept') ?? '';
      const transport = accept.includes('text/event-stream') ? 'sse' : 'http';
      requestRecords.set(request, newRequestRecord(transport, request.headers.get('x-request-id')));
    },
    onExecute({ args }) {
      name(args.contextValue.requestRecord, args);
    },
    onSubscribe({ args }) {
      const record = args.contextValue.requestRecord;
      name(record, args);
      return {
        onSubscribeResult({ result }) {
          if (!metrics || !isAsyncIterable(result)) return;
          const closed = metrics.subscriptionOpened(record.transport);
          return { onEnd: closed };
        },
      };
    },
    onResultProcess({ request, result }) {
      const record = requestRecords.get(request);
      if (!record || isAsyncIterable(result)) return;
      for (const one of (Array.isArray(result) ? result : [result]) as ExecutionResult[]) {
        for (const error of one.errors ?? []) record.errorCodes.push(codeOf(error));
      }
    },
    onResponse({ request, response }) {
      const record = requestRecords.get(request);
      if (!record) return;
      response.headers.set('x-request-id', record.id);
      if (!logRequests) return;
      logger.info(
        {
          requestId: record.id,
          operationName: record.operationName,
          operationType: record.operationType,
          status: response.status,
          durationMs: Math.round((performance.now() - record.startedAt) * 100) / 100,
          statements: metrics ? record.statements : null,
          databaseMs: metrics ? Math.round(record.databaseMs * 100) / 100 : null,
          errorCodes: record.errorCodes,
          viewerId: record.viewerId,
          transport: record.transport,
        },
        'request',
      );
    },
  };
}
