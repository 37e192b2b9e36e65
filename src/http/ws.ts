import type { IncomingMessage, Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { viewerFromAuthorization } from '../auth/jwt';
import type { Context } from '../context';

/** What a WebSocket operation hands Yoga in place of the fetch Request it does not have. */
export interface WsServerContext {
  authorization?: string | null;
}

type Enveloped = ReturnType<YogaServerInstance<WsServerContext, Context>['getEnveloped']>;

/**
 * graphql-transport-ws on Yoga's own endpoint, running every operation through Yoga's envelop, so
 * plugins, limits and the context are those of HTTP. Returns the handle that closes the sockets.
 */
export function attachGraphqlWs(
  server: Server,
  yoga: YogaServerInstance<WsServerContext, Context>,
  jwtKey: Uint8Array,
) {
  const wsServer = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  return useServer<Record<string, unknown>, { authorization?: string | null }>(
    {
      // The header on the upgrade request, or `connectionParams.authorization`; a bad token refuses the connection.
      onConnect: async (ctx) => {
        const authorization = authorizationOf(ctx.extra.request, ctx.connectionParams);
        try {
          await viewerFromAuthorization(authorization, jwtKey);
          ctx.extra.authorization = authorization;
          return true;
        } catch {
          return false;
        }
      },
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const enveloped = yoga.getEnveloped({ authorization: ctx.extra.authorization ?? null, params } as never);
        const document = enveloped.parse(params.query);
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
