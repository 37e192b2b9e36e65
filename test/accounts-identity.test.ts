import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { type App, createApp } from '../src/app';
import { ConfigError, loadConfig } from '../src/config';
import { createSql } from '../src/db/client';
import { graphql } from './gql';
import { errorCodes, expectData, run } from './kit/client';
import { createWorkout, like } from './kit/interactions';
import { scrape } from './kit/metrics';
import { useSecondProcess } from './kit/processes';
import { createUser } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from './setup/db';

const ISSUER = 'https://idp.spotter.test/';
const AUDIENCE = 'spotter-api';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
interface ProviderKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: SigningKey;
  publicKey: SigningKey;
  jwk: JWK;
}

async function providerKey(kid: string, alg: 'RS256' | 'ES256'): Promise<ProviderKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** The identity provider's JWKS endpoint, on this machine: it counts the fetches it answers. */
const jwks = {
  server: null as Server | null,
  url: '',
  published: [] as JWK[],
  /** When set, the endpoint answers HTTP 503 (the provider is down). */
  down: false,
  fetches: 0,
  publish(...keys: ProviderKey[]) {
    this.published = keys.map((key) => key.jwk);
  },
};

let rsa: ProviderKey;
let ec: ProviderKey;
let db: TestDatabase;

beforeAll(async () => {
  [rsa, ec] = await Promise.all([providerKey('rsa-1', 'RS256'), providerKey('ec-1', 'ES256')]);
  jwks.publish(rsa, ec);
  jwks.server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') return void response.writeHead(404).end();
    jwks.fetches += 1;
    if (jwks.down) return void response.writeHead(503).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: jwks.published }));
  });
  await new Promise<void>((resolve) => jwks.server!.listen(0, '127.0.0.1', resolve));
  jwks.url = `http://127.0.0.1:${(jwks.server!.address() as AddressInfo).port}/.well-known/jwks.json`;
  db = await createTestDatabase({}, { JWT_JWKS_URL: jwks.url, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE });
});

afterAll(async () => {
  await dropTestDatabase(db);
  await new Promise((resolve) => jwks.server?.close(resolve));
});

// Registered after the drop above, so its process closes first (after-all hooks run in reverse).
const secondProcess = useSecondProcess(() => db);

afterEach(() => {
  vi.useRealTimers();
  jwks.down = false;
  jwks.publish(rsa, ec);
});

let subjects = 0;
const newSubject = () => {
  subjects += 1;
  return `auth0|identity-${process.pid}-${subjects}`;
};

interface TokenOptions {
  subject?: string;
  key?: ProviderKey;
  kid?: string;
  issuer?: string;
  audience?: string | string[];
  /** Seconds since the epoch; null leaves `exp` out. */
  expiresAt?: number | null;
  issuedAt?: number;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function providerToken(options: TokenOptions = {}): Promise<string> {
  const key = options.key ?? rsa;
  let jwt = new SignJWT({ email: 'someone@example.com' })
    .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid, typ: 'JWT' })
    .setSubject(options.subject ?? newSubject())
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? [AUDIENCE, 'https://idp.spotter.test/userinfo'])
    .setIssuedAt(options.issuedAt ?? nowSeconds());
  if (options.expiresAt !== null) jwt = jwt.setExpirationTime(options.expiresAt ?? nowSeconds() + 3600);
  return `Bearer ${await jwt.sign(key.privateKey)}`;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const Viewer = graphql(`query IdentityViewer { viewer { id username displayName country } }`);

const DeleteAccount = graphql(`
  mutation IdentityDeleteAccount($input: DeleteAccountInput!) {
    deleteAccount(input: $input) { deletedUserId errors { code field } }
  }
`);

const CreateAccount = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      viewer { id username displayName country defaultWorkoutVisibility }
      errors { code message field }
    }
  }`);

const UpdateDisplayName = graphql(`
  mutation IdentityUpdateProfile($name: String!) {
    updateProfile(input: { displayName: $name }) { user { id } errors { code } }
  }`);

const NotificationKinds = graphql(`
  subscription IdentityNotifications { notificationAdded { kind actor { id } } }`);

const signUp = (authorization: string, input: { username: string; displayName?: string; country?: string | null }) =>
  run(
    db,
    CreateAccount,
    { input: { displayName: 'New Person', ...input } },
    {
      as: { authorization },
    },
  );

async function counts() {
  const [row] = await db.sql<[{ users: number; identities: number }]>`
    select (select count(*)::int from users) as users, (select count(*)::int from identities) as identities`;
  return row;
}

/** A second app on the same database: its own key-set cache and identity cache, as another process has. */
async function withFreshApp<T>(work: (app: Pick<TestDatabase, 'app' | 'config'>) => Promise<T>): Promise<T> {
  const app: App = createApp({ sql: db.sql, config: db.config, leaderboards: { schedule: false } });
  try {
    return await work({ app, config: db.config });
  } finally {
    await app.close();
  }
}

describe('identity-provider tokens (JWT_JWKS_URL)', () => {
  for (const key of ['rsa', 'ec'] as const) {
    it(`accepts ${key === 'rsa' ? 'RS256' : 'ES256'}: signed in, viewer null until createAccount`, async () => {
      const result = await run(
        db,
        Viewer,
        {},
        { as: { authorization: await providerToken({ key: { rsa, ec }[key] }) } },
      );
      expect(result.status).toBe(200);
      expect(expectData(result).viewer).toBeNull();
    });
  }

  it('still accepts HS256 tokens of users beside them', async () => {
    const user = await createUser(db.sql, { username: 'idp_hs256_user' });
    expect(expectData(await run(db, Viewer, {}, { as: user.id })).viewer?.username).toBe('idp_hs256_user');
  });

  const rejected: [string, () => Promise<string>][] = [
    ['another issuer', () => providerToken({ issuer: 'https://evil.example/' })],
    ['another audience', () => providerToken({ audience: 'someone-else' })],
    ['an expired token', () => providerToken({ expiresAt: nowSeconds() - 10 })],
    ['a token without exp', () => providerToken({ expiresAt: null })],
    ['a token whose kid the JWKS does not have', () => providerToken({ kid: 'rsa-unknown' })],
    [
      'a token signed by a key the provider never published',
      async () =>
        providerToken({
          key: await providerKey('rsa-1', 'RS256'),
        }),
    ],
    ['an RS256 token whose header names the ES256 key', () => providerToken({ kid: 'ec-1' })],
    [
      'an unsigned alg=none token',
      async () =>
        `Bearer ${b64({ alg: 'none', kid: 'rsa-1', typ: 'JWT' })}.${b64({
          sub: newSubject(),
          iss: ISSUER,
          aud: AUDIENCE,
          exp: nowSeconds() + 600,
        })}.`,
    ],
    [
      'an HS256 token signed with the provider’s public key as the secret',
      async () => {
        const pem = await exportSPKI(rsa.publicKey);
        const claims = { iss: ISSUER, aud: AUDIENCE };
        const jwt = await new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
          .setSubject(newSubject())
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(pem));
        return `Bearer ${jwt}`;
      },
    ],
    [
      'a token whose payload was changed after signing',
      async () => {
        const [header, , signature] = (await providerToken({ subject: 'auth0|victim' })).slice(7).split('.');
        const forged = b64({ sub: 'auth0|attacker', iss: ISSUER, aud: AUDIENCE, exp: nowSeconds() + 3600 });
        return `Bearer ${header}.${forged}.${signature}`;
      },
    ],
    ['a subject holding U+0000', () => providerToken({ subject: 'auth0|a\u0000b' })],
  ];

  for (const [name, header] of rejected) {
    it(`${name} is HTTP 401 with UNAUTHENTICATED, never anonymous`, async () => {
      const result = await run(db, Viewer, {}, { as: { authorization: await header() } });
      expect(result.status).toBe(401);
      expect(result.data ?? null).toBeNull();
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    });
  }

  it('refuses them all when JWT_JWKS_URL is not set (HS256 only)', async () => {
    const plain = await createTestDatabase();
    try {
      const result = await run(plain, Viewer, {}, { as: { authorization: await providerToken() } });
      expect(result.status).toBe(401);
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    } finally {
      await dropTestDatabase(plain);
    }
  });
});

describe('the JWKS fetch budget', () => {
  it('a stream of unknown kids fetches the key set at most once per 30 seconds', async () => {
    await withFreshApp(async (app) => {
      const before = jwks.fetches;
      expect(
        expectData(await run(app, Viewer, {}, { as: { authorization: await providerToken() } })).viewer,
      ).toBeNull();
      expect(jwks.fetches - before).toBe(1);
      const forged = async (i: number) =>
        run(app, Viewer, {}, { as: { authorization: await providerToken({ kid: `forged-${i}` }) } });
      const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => forged(i)));
      for (let i = 50; i < 80; i += 1) burst.push(await forged(i));
      expect(burst.map((result) => result.status)).toEqual(Array(80).fill(401));
      // Within the 30 s after the first fetch: none of them fetched.
      expect(jwks.fetches - before).toBe(1);

      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31_000 });
      const next = await Promise.all(Array.from({ length: 50 }, (_, i) => forged(100 + i)));
      expect(next.map((result) => result.status)).toEqual(Array(50).fill(401));
      expect(jwks.fetches - before).toBe(2);
      expect((await scrape(app.app)).value('spotter_jwks_fetches_total', { outcome: 'ok' })).toBe(2);
    });
  });

  it('a provider that is down is asked again only after 30 seconds', async () => {
    await withFreshApp(async (app) => {
      jwks.down = true;
      const before = jwks.fetches;
      for (let i = 0; i < 20; i += 1) {
        expect((await run(app, Viewer, {}, { as: { authorization: await providerToken() } })).status).toBe(401);
      }
      expect(jwks.fetches - before).toBe(1);
      jwks.down = false;
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31_000 });
      expect((await run(app, Viewer, {}, { as: { authorization: await providerToken() } })).status).toBe(200);
      expect(jwks.fetches - before).toBe(2);
      const metrics = await scrape(app.app);
      expect(metrics.value('spotter_jwks_fetches_total', { outcome: 'failed' })).toBe(1);
      expect(metrics.value('spotter_jwks_fetches_total', { outcome: 'ok' })).toBe(1);
    });
  });

  it('keeps the keys it has while the provider is down', async () => {
    await withFreshApp(async (app) => {
      expect((await run(app, Viewer, {}, { as: { authorization: await providerToken() } })).status).toBe(200);
      jwks.down = true;
      // Past the cache's age: the keys are fetched again, which fails, and the last ones stay in use.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
      expect((await run(app, Viewer, {}, { as: { authorization: await providerToken() } })).status).toBe(200);
      expect((await run(app, Viewer, {}, { as: { authorization: await providerToken({ key: ec }) } })).status).toBe(
        200,
      );
    });
  });

  it('follows a key rotation: a new kid is accepted once the key set is fetched again, a withdrawn one refused', async () => {
    await withFreshApp(async (app) => {
      const before = jwks.fetches;
      expect((await run(app, Viewer, {}, { as: { authorization: await providerToken() } })).status).toBe(200);
      const rotated = await providerKey('rsa-2', 'RS256');
      jwks.publish(rotated, ec);
      // Published, but this process fetched the set less than 30 s ago.
      expect(
        (await run(app, Viewer, {}, { as: { authorization: await providerToken({ key: rotated }) } })).status,
      ).toBe(401);
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31_000 });
      expect(
        (await run(app, Viewer, {}, { as: { authorization: await providerToken({ key: rotated }) } })).status,
      ).toBe(200);
      expect(jwks.fetches - before).toBe(2);
      expect((await run(app, Viewer, {}, { as: { authorization: await providerToken({ key: rsa }) } })).status).toBe(
        401,
      );
    });
  });
});

describe('Mutation.createAccount', () => {
  it('signs an identity up: viewer null, createAccount, then the same token is the new user', async () => {
    const token = await providerToken();
    expect(expectData(await run(db, Viewer, {}, { as: { authorization: token } })).viewer).toBeNull();
    const before = await counts();

    const created = expectData(
      await signUp(token, { username: 'New.Lifter_1', displayName: '  Nora Lifter ', country: 'se' }),
    ).createAccount;
    expect(created.errors).toEqual([]);
    expect(created.viewer).toMatchObject({
      username: 'New.Lifter_1',
      displayName: 'Nora Lifter',
      country: 'SE',
      defaultWorkoutVisibility: 'EVERYONE',
    });
    expect(await counts()).toEqual({ users: before.users + 1, identities: before.identities + 1 });

    const viewer = expectData(await run(db, Viewer, {}, { as: { authorization: token } })).viewer;
    expect(viewer).toEqual({
      id: created.viewer!.id,
      username: 'New.Lifter_1',
      displayName: 'Nora Lifter',
      country: 'SE',
    });
    // Once linked, its tokens act as that user everywhere, mutations included.
    const updated = expectData(await run(db, UpdateDisplayName, { name: 'Nora' }, { as: { authorization: token } }));
    expect(updated.updateProfile).toEqual({ user: { id: created.viewer!.id }, errors: [] });
  });

  it('before sign-up, any other mutation answers UNAUTHENTICATED in errors', async () => {
    const result = await run(
      db,
      UpdateDisplayName,
      { name: 'Nobody' },
      { as: { authorization: await providerToken() } },
    );
    expect(result.status).toBe(200);
    expect(expectData(result).updateProfile).toEqual({ user: null, errors: [{ code: 'UNAUTHENTICATED' }] });
  });

  it('is CONFLICT for an identity that has an account, and for an HS256 user', async () => {
    const token = await providerToken();
    expect(expectData(await signUp(token, { username: 'idp_twice' })).createAccount.errors).toEqual([]);
    const user = await createUser(db.sql, { username: 'idp_hs_signup' });
    const before = await counts();
    const again = expectData(await signUp(token, { username: 'idp_twice_2' })).createAccount;
    expect(again).toMatchObject({ viewer: null, errors: [{ code: 'CONFLICT', field: null }] });
    const hs256 = expectData(
      await run(db, CreateAccount, { input: { username: 'idp_hs_2', displayName: 'X' } }, { as: user.id }),
    ).createAccount;
    expect(hs256).toMatchObject({ viewer: null, errors: [{ code: 'CONFLICT', field: null }] });
    expect(await counts()).toEqual(before);
  });

  it('is UNAUTHENTICATED in errors for an anonymous caller', async () => {
    const result = await run(db, CreateAccount, { input: { username: 'idp_anonymous', displayName: 'A' } });
    expect(expectData(result).createAccount).toMatchObject({ viewer: null, errors: [{ code: 'UNAUTHENTICATED' }] });
  });

  const invalid: [string, { username: string; displayName?: string; country?: string | null }, string][] = [
    ['a username of 2 characters', { username: 'ab' }, 'username'],
    ['a username of 31 characters', { username: 'a'.repeat(31) }, 'username'],
    ['a username with a space', { username: 'new lifter' }, 'username'],
    ['a username with a hyphen', { username: 'deleted-1' }, 'username'],
    ['a username with a letter outside a-z', { username: 'lifterø' }, 'username'],
    ['a username holding U+0000', { username: 'nul\u0000name' }, 'username'],
    ['an empty displayName', { username: 'idp_valid_1', displayName: '   ' }, 'displayName'],
    ['a displayName of 51 characters', { username: 'idp_valid_2', displayName: 'x'.repeat(51) }, 'displayName'],
    ['country ZZ', { username: 'idp_valid_3', country: 'ZZ' }, 'country'],
    ['country SWE', { username: 'idp_valid_4', country: 'SWE' }, 'country'],
  ];
  for (const [name, input, field] of invalid) {
    it(`refuses ${name}: VALIDATION on ${field}, nothing written`, async () => {
      const token = await providerToken();
      const before = await counts();
      const result = expectData(await signUp(token, input)).createAccount;
      expect(result.viewer).toBeNull();
      expect(result.errors).toEqual([
        expect.objectContaining({ code: 'VALIDATION', field: expect.stringMatching(field) }),
      ]);
      expect(await counts()).toEqual(before);
      expect(expectData(await run(db, Viewer, {}, { as: { authorization: token } })).viewer).toBeNull();
    });
  }

  it('refuses a username taken in another case: CONFLICT on username', async () => {
    await createUser(db.sql, { username: 'Taken_Name' });
    const before = await counts();
    const result = expectData(await signUp(await providerToken(), { username: 'taken_NAME' })).createAccount;
    expect(result).toMatchObject({ viewer: null, errors: [{ code: 'CONFLICT', field: 'username' }] });
    expect(await counts()).toEqual(before);
  });

  it('20 identities racing for one username: one account, the rest CONFLICT on username', async () => {
    const before = await counts();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => providerToken()));
    const results = await Promise.all(tokens.map((token) => signUp(token, { username: 'race_for_me' })));
    const payloads = results.map((result) => expectData(result).createAccount);
    expect(payloads.filter((p) => p.viewer !== null)).toHaveLength(1);
    const losers = payloads.filter((p) => p.viewer === null);
    expect(losers).toHaveLength(19);
    for (const loser of losers)
      expect(loser.errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'username' })]);
    expect(await counts()).toEqual({ users: before.users + 1, identities: before.identities + 1 });
  });

  it('one identity racing 20 sign-ups: exactly one account', async () => {
    const before = await counts();
    const token = await providerToken();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signUp(token, { username: `one_identity_${i}` })),
    );
    const payloads = results.map((result) => expectData(result).createAccount);
    const winners = payloads.filter((p) => p.viewer !== null);
    expect(winners).toHaveLength(1);
    for (const loser of payloads.filter((p) => p.viewer === null)) expect(loser.errors[0]?.code).toBe('CONFLICT');
    expect(await counts()).toEqual({ users: before.users + 1, identities: before.identities + 1 });
    expect(expectData(await run(db, Viewer, {}, { as: { authorization: token } })).viewer?.id).toBe(
      winners[0]!.viewer!.id,
    );
  });

  it('a deleted account: the identity’s earlier tokens get 401 on every process, a later token may sign up again with the old name', async () => {
    const subject = newSubject();
    const token = await providerToken({ subject });
    const created = expectData(await signUp(token, { username: 'idp_deleted' })).createAccount;
    expect(created.viewer).not.toBeNull();
    const other = secondProcess();
    // Both processes have the identity's link in memory before the deletion.
    expect(expectData(await run(db, Viewer, {}, { as: { authorization: token } })).viewer?.id).toBe(created.viewer!.id);
    expect(expectData(await run(other, Viewer, {}, { as: { authorization: token } })).viewer?.id).toBe(
      created.viewer!.id,
    );

    const deleted = expectData(
      await run(db, DeleteAccount, { input: { username: 'IDP_Deleted' } }, { as: { authorization: token } }),
    ).deleteAccount;
    expect(deleted).toEqual({ deletedUserId: created.viewer!.id, errors: [] });

    const here = await run(db, Viewer, {}, { as: { authorization: token } });
    expect(here.status).toBe(401);
    expect(errorCodes(here)).toEqual(['UNAUTHENTICATED']);
    // The other process forgets the link when the deletion's NOTIFY reaches it.
    const deadline = Date.now() + 5000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await run(other, Viewer, {}, { as: { authorization: token } })).status;
      if (status === 401) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(401);

    const later = await providerToken({ subject, issuedAt: nowSeconds() + 2 });
    expect(expectData(await run(other, Viewer, {}, { as: { authorization: later } })).viewer).toBeNull();
    const again = expectData(await signUp(later, { username: 'idp_deleted' })).createAccount;
    expect(again.errors).toEqual([]);
    expect(again.viewer!.id).not.toBe(created.viewer!.id);
    expect(expectData(await run(other, Viewer, {}, { as: { authorization: later } })).viewer?.id).toBe(
      again.viewer!.id,
    );
  });
});

describe('identity lookups', () => {
  it('cost one statement per process for a linked identity, none for an HS256 token', async () => {
    const token = await providerToken();
    expect(expectData(await signUp(token, { username: 'idp_cached' })).createAccount.errors).toEqual([]);
    const user = await createUser(db.sql);
    const seen: string[] = [];
    const sql = createSql(db.url, { max: 2, onQuery: (query) => seen.push(query) });
    const app = createApp({ sql, config: db.config, leaderboards: { schedule: false } });
    try {
      for (let i = 0; i < 3; i += 1) {
        expect(
          expectData(await run({ app, config: db.config }, Viewer, {}, { as: { authorization: token } })).viewer
            ?.username,
        ).toBe('idp_cached');
        expect(expectData(await run({ app, config: db.config }, Viewer, {}, { as: user.id })).viewer).not.toBeNull();
      }
      expect(seen.filter((query) => query.includes('auth:identityLinks'))).toHaveLength(1);
      expect(seen.filter((query) => query.includes('auth:usersExist'))).toHaveLength(1);
    } finally {
      await app.close();
      await sql.end();
    }
  });
});

describe('subscriptions with an identity-provider token', () => {
  it('over SSE: the linked user’s notifications arrive; a bad token is HTTP 401', async () => {
    const token = await providerToken();
    const me = expectData(await signUp(token, { username: 'idp_sse' })).createAccount.viewer!;
    const fan = await createUser(db.sql);
    const stream = await subscribeSse(db, NotificationKinds, {}, { authorization: token });
    expect(stream.status).toBe(200);
    const meId = Number((await db.sql<[{ id: number }]>`select id from users where username = 'idp_sse'`)[0].id);
    await like(db, fan, await createWorkout(db.sql, { id: meId, globalId: me.id, username: 'idp_sse' }));
    const [event] = await stream.take(1);
    expect(event!.data).toEqual({ notificationAdded: { kind: 'WORKOUT_LIKED', actor: { id: fan.globalId } } });
    await stream.cancel();

    const refused = await subscribeSse(
      db,
      NotificationKinds,
      {},
      { authorization: await providerToken({ kid: 'nope' }) },
    );
    expect(refused.status).toBe(401);
  });

  it('over WebSocket: connectionParams and the upgrade header sign in; a bad token is refused', async () => {
    const token = await providerToken();
    expect(expectData(await signUp(token, { username: 'idp_ws' })).createAccount.errors).toEqual([]);
    const port = await db.app.listen(0);
    const execute = (options: { connectionParams?: Record<string, unknown>; headers?: Record<string, string> }) => {
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
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
          { query: '{ viewer { username } }' },
          {
            next: (value) => {
              result = value;
            },
            error: reject,
            complete: () => resolve(result),
          },
        );
      }).finally(() => client.dispose());
    };
    try {
      expect(await execute({ connectionParams: { authorization: token } })).toMatchObject({
        data: { viewer: { username: 'idp_ws' } },
      });
      expect(await execute({ headers: { authorization: token } })).toMatchObject({
        data: { viewer: { username: 'idp_ws' } },
      });
      const forged = await providerToken({ issuer: 'https://evil.example/' });
      const failure = await execute({ connectionParams: { authorization: forged } }).then(
        () => null,
        (error: { code?: number }) => error,
      );
      expect(failure).toMatchObject({ code: 4403 });
    } finally {
      await new Promise<void>((resolve) => {
        db.app.server.close(() => resolve());
        db.app.server.closeAllConnections();
      });
    }
  });
});

describe('JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE', () => {
  const load = (env: NodeJS.ProcessEnv) => () => loadConfig({ JWT_SECRET: 'x', ...env });

  it('take an https key set, or http on localhost only', () => {
    expect(load({ JWT_JWKS_URL: 'https://idp.example/.well-known/jwks.json' })().jwtJwksUrl).toBe(
      'https://idp.example/.well-known/jwks.json',
    );
    expect(load({ JWT_JWKS_URL: 'http://localhost:4001/jwks.json' })().jwtJwksUrl).toBe(
      'http://localhost:4001/jwks.json',
    );
    expect(load({ JWT_JWKS_URL: 'http://idp.example/jwks.json' })).toThrow(ConfigError);
    expect(load({ JWT_JWKS_URL: 'idp.example/jwks.json' })).toThrow(ConfigError);
  });

  it('refuse an issuer or audience without a key set to check them with', () => {
    expect(load({ JWT_ISSUER: ISSUER })).toThrow(/JWT_ISSUER needs JWT_JWKS_URL/);
    expect(load({ JWT_AUDIENCE: AUDIENCE })).toThrow(/JWT_AUDIENCE needs JWT_JWKS_URL/);
  });
});
