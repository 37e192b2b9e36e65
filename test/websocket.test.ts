import { createClient } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signToken } from '../src/auth/tokens';
import { createUser } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();
let url: string;

beforeAll(async () => {
  const port = await db.app.listen(0);
  url = `ws://127.0.0.1:${port}/graphql`;
});

function execute(
  options: { connectionParams?: Record<string, unknown>; headers?: Record<string, string> },
  query: string,
) {
  const client = createClient({
    url,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: options.headers });
      }
    },
    connectionParams: options.connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
  return new Promise<unknown>((resolve, reject) => {
    let result: unknown;
    client.subscribe(
      { query },
      {
        next: (value) => {
          result = value;
        },
        error: reject,
        complete: () => resolve(result),
      },
    );
  }).finally(() => client.dispose());
}

describe('GraphQL over WebSocket (graphql-transport-ws) on /graphql', () => {
  it('authenticates with connectionParams.authorization', async () => {
    const user = await createUser(db.sql, { username: 'ws_params' });
    const token = await signToken(user.id, db.config.jwtSecret);
    const result = await execute({ connectionParams: { authorization: `Bearer ${token}` } }, '{ viewer { username } }');
    expect(result).toMatchObject({ data: { viewer: { username: 'ws_params' } } });
  });

  it('authenticates with the Authorization header of the upgrade request', async () => {
    const user = await createUser(db.sql, { username: 'ws_header' });
    const token = await signToken(user.id, db.config.jwtSecret);
    const result = await execute({ headers: { authorization: `Bearer ${token}` } }, '{ viewer { username } }');
    expect(result).toMatchObject({ data: { viewer: { username: 'ws_header' } } });
  });

  it('is anonymous without a token', async () => {
    expect(await execute({}, '{ viewer { username } }')).toMatchObject({ data: { viewer: null } });
  });

  it('refuses the connection for a bad token instead of going on anonymously', async () => {
    const failure = await execute(
      { connectionParams: { authorization: 'Bearer nope' } },
      '{ viewer { username } }',
    ).then(
      () => null,
      (error: { code?: number }) => error,
    );
    expect(failure).toMatchObject({ code: 4403 });
  });
});
