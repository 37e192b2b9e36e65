import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Context } from '../context';
import type { ConnectionSubscriptions } from './subscription-limits';
import { type TrustedDocuments, trustedQueryOf } from './trusted-documents';

/** What a WebSocket operation hands Yoga in place of the fetch Request it does not have. */
export interface WsServerContext {
  authorization?: string | null;
  /** The connection's live subscriptions, which its cap counts. */
  connection?: ConnectionSubscriptions;
}

type Enveloped = ReturnType<YogaServerInstance<WsServerContext, Context>['getEnveloped']>;

/**
 * graphql-transport-ws on Yoga's own endpoint, running every operation through Yoga's envelop, so
 * plugins, limits and the context are those of HTTP. Returns the handle that closes the sockets.
 */
export function attachGraphqlWs(
  server: Server,
  yoga: YogaServerInstance<WsServerContext, Context>,
  options: {
    /** Rejects a token that HTTP would answer with 401 (bad, expired, or naming no user). */
    verify: (authorization: string | null) => Promise<unknown>;
    maxPayloadBytes: number;
    /** When set, only these documents run (SPOTTER_TRUSTED_DOCUMENTS). */
    trusted: TrustedDocuments | null;
  },
) {
  // noServer rather than `server`: ws would re-emit the HTTP server's errors, and graphql-ws prints
  // those as a stack trace, so a port in use would not end in main.ts's one line.
  const wsServer = new WebSocketServer({
    noServer: true,
    path: yoga.graphqlEndpoint,
    maxPayload: options.maxPayloadBytes,
  });
  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) =>
    wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
  server.on('upgrade', upgrade);
  wsServer.once('close', () => server.off('upgrade', upgrade));
  return useServer<Record<string, unknown>, { authorization?: string | null; subscriptions?: ConnectionSubscriptions }>(
    {
      // The header on the upgrade request, or `connectionParams.authorization`; a bad token refuses the connection.
      onConnect: async (ctx) => {
        const authorization = authorizationOf(ctx.extra.request, ctx.connectionParams);
        try {
          await options.verify(authorization);
          ctx.extra.authorization = authorization;
          ctx.extra.subscriptions = { live: 0 };
          return true;
        } catch {
          return false;
        }
      },
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const query = options.trusted ? trustedQueryOf(options.trusted, params) : params.query;
        if (typeof query !== 'string') return [query];
        const enveloped = yoga.getEnveloped({
          authorization: ctx.extra.authorization ?? null,
          connection: ctx.extra.subscriptions,
          params,
        } as never);
        const document = enveloped.parse(query);
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        return {
          schema: enveloped.schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
    },
    wsServer,
  );
}

function authorizationOf(
  request: IncomingMessage,
  connectionParams: Record<string, unknown> | undefined,
): string | null {
  const fromParams = connectionParams?.authorization ?? connectionParams?.Authorization;
  if (typeof fromParams === 'string') return fromParams;
  return request.headers.authorization ?? null;
}
