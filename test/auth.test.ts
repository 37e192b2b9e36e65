import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app';
import { signToken } from '../src/auth/tokens';
import { createSql } from '../src/db/client';
import { graphql } from './gql';
import { errorCodes, expectData, run } from './kit/client';
import { createUser } from './kit/seed';
import { TEST_JWT_SECRET, useTestDatabase } from './setup/db';

const db = useTestDatabase();
const VIEWER = graphql(`query AuthViewer { viewer { username } }`);

function unsignedToken(sub: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub, exp: Math.floor(Date.now() / 1000) + 60 })}.`;
}

describe('Authorization header', () => {
  it('a valid token makes its subject the viewer', async () => {
    const user = await createUser(db.sql, { username: 'auth_valid' });
    const result = await run(db, VIEWER, {}, { as: user.id });
    expect(expectData(result).viewer).toEqual({ username: 'auth_valid' });
  });

  it('no header is anonymous: viewer is null and public reads work', async () => {
    const result = await run(db, graphql(`query AnonymousReads { viewer { username } muscles { name } }`));
    expect(result.status).toBe(200);
    expect(expectData(result).viewer).toBeNull();
    expect(expectData(result).muscles.length).toBeGreaterThan(0);
  });

  const rejected: [string, () => Promise<string>][] = [
    [
      'an expired token',
      async () => `Bearer ${await signToken(1, TEST_JWT_SECRET, Math.floor(Date.now() / 1000) - 10)}`,
    ],
    ['a token signed with another secret', async () => `Bearer ${await signToken(1, 'some-other-secret-entirely')}`],
    ['an unsigned alg=none token', async () => `Bearer ${unsignedToken('1')}`],
    ['garbage', async () => 'Bearer not.a.token'],
    ['a header without the Bearer scheme', async () => 'Token abc'],
    [
      'a token whose subject is not a user id',
      async () =>
        `Bearer ${await new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('alice')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(TEST_JWT_SECRET))}`,
    ],
  ];

  rejected.push(
    [
      'a token without exp',
      async () =>
        `Bearer ${await new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('1')
          .setIssuedAt()
          .sign(new TextEncoder().encode(TEST_JWT_SECRET))}`,
    ],
    ['a token whose subject is no user', async () => `Bearer ${await signToken(987_654_321, TEST_JWT_SECRET)}`],
  );

  for (const [name, header] of rejected) {
    it(`${name} is HTTP 401 with UNAUTHENTICATED, never anonymous`, async () => {
      const result = await run(db, VIEWER, {}, { as: { authorization: await header() } });
      expect(result.status).toBe(401);
      expect(result.data ?? null).toBeNull();
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    });
  }
});

describe('a token the server has verified before', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps working until its exp, then is HTTP 401 like any expired token', async () => {
    const user = await createUser(db.sql, { username: 'auth_reused' });
    const exp = Math.floor(Date.now() / 1000) + 60;
    const authorization = `Bearer ${await signToken(user.id, TEST_JWT_SECRET, exp)}`;
    for (let i = 0; i < 2; i += 1) {
      expect(expectData(await run(db, VIEWER, {}, { as: { authorization } })).viewer).toEqual({
        username: 'auth_reused',
      });
    }
    vi.useFakeTimers({ toFake: ['Date'], now: (exp + 1) * 1000 });
    const expired = await run(db, VIEWER, {}, { as: { authorization } });
    expect(expired.status).toBe(401);
    expect(errorCodes(expired)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('token subjects', () => {
  it('are looked up once per process, not once per request', async () => {
    const seen: string[] = [];
    const sql = createSql(db.url, { max: 2, onQuery: (query) => seen.push(query) });
    const app = createApp({ sql, config: db.config, leaderboards: { schedule: false } });
    const user = await createUser(db.sql);
    const token = `Bearer ${await signToken(user.id, TEST_JWT_SECRET)}`;
    try {
      for (let i = 0; i < 3; i += 1) {
        const response = await app.yoga.fetch('http://spotter.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: token },
          body: JSON.stringify({ query: '{ viewer { id } }' }),
        });
        expect((await response.json()).data.viewer.id).toBe(user.globalId);
      }
      expect(seen.filter((query) => query.includes('auth:usersExist'))).toHaveLength(1);
    } finally {
      await app.close();
      await sql.end();
    }
  });
});

describe('Mutation.updateProfile', () => {
  it('is UNAUTHENTICATED in errors for an anonymous caller', async () => {
    const result = await run(
      db,
      graphql(
        `mutation AuthUpdateProfile { updateProfile(input: { displayName: "X" }) { user { id } errors { code } } }`,
      ),
    );
    expect(expectData(result).updateProfile).toEqual({ user: null, errors: [{ code: 'UNAUTHENTICATED' }] });
  });
});
