import { type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context';
import type { Observability } from '../observability';
import { newRequestRecord, type RequestRecord } from '../observability/requests';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function codeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** Each GraphQL request's record, from the moment it arrives to its response. */
export const requestRecords = new WeakMap<Request, RequestRecord>();

/**
 * Request records, the per-request log line, live-subscription counts and, when metrics are on,
 * `/metrics` with the GraphQL series (requests and latency by operation, errors by `extensions.code`).
 */
export function useObservability(observability: Observability, graphqlEndpoint: string): Plugin<Context> {
  const { logger, metrics, tracing } = observability;
  const logRequests = logger.isLevelEnabled('info');
  const graphql = metrics?.graphqlSeries();

  const name = (record: RequestRecord, args: { document: unknown; operationName?: string | null }) => {
    const operation = getOperationAST(args.document as never, args.operationName);
    record.operationName = operation?.name?.value ?? null;
    record.operationType = operation?.operation ?? null;
    tracing?.operationNamed(record);
  };

  /** A WebSocket operation has no response: its span ends with its result (a subscription's, once subscribed). */
  const endWebSocketOperation = (record: RequestRecord, result: unknown) => {
    if (!isAsyncIterable(result)) {
      for (const error of (result as ExecutionResult | undefined)?.errors ?? []) record.errorCodes.push(codeOf(error));
    }
    tracing!.requestEnded(record, null);
  };

  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (metrics && url.pathname === '/metrics') {
        const { registry } = metrics;
        return registry.metrics().then((text) => {
          endResponse(new fetchAPI.Response(text, { headers: { 'content-type': registry.contentType } }));
        });
      }
      if (url.pathname !== graphqlEndpoint) return;
      const accept = request.headers.get('accept') ?? '';
      const transport = accept.includes('text/event-stream') ? 'sse' : 'http';
      const record = newRequestRecord(transport, request.headers.get('x-request-id'));
      requestRecords.set(request, record);
      tracing?.requestStarted(record, request.headers);
    },
    onExecute({ args }) {
      const record = args.contextValue.requestRecord;
      const overWebSocket = record.transport === 'websocket';
      if (tracing && overWebSocket) tracing.requestStarted(record, null);
      name(record, args);
      // A WebSocket operation has no HTTP response to be counted at.
      if (overWebSocket) graphql?.operation(record);
      if (!tracing || !overWebSocket) return;
      return { onExecuteDone: ({ result }) => endWebSocketOperation(record, result) };
    },
    onSubscribe({ args }) {
      const record = args.contextValue.requestRecord;
      const overWebSocket = record.transport === 'websocket';
      if (tracing && overWebSocket) tracing.requestStarted(record, null);
      name(record, args);
      if (overWebSocket) graphql?.operation(record);
      return {
        onSubscribeResult({ result }) {
          if (tracing && overWebSocket) endWebSocketOperation(record, result);
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
      if (record.transport === 'websocket') graphql?.errors(record);
    },
    onResponse({ request, response }) {
      const record = requestRecords.get(request);
      if (!record) return;
      response.headers.set('x-request-id', record.id);
      graphql?.response(record, response.status);
      tracing?.requestEnded(record, response.status);
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
