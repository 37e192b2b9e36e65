import { createHash } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type App, createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { loadTrustedDocuments, type TrustedDocuments } from '../src/http/trusted-documents';
import { graphql } from './gql';
import { errorCodes, expectData, run, runUntyped } from './kit/client';
import { createUser } from './kit/seed';
import { TEST_JWT_SECRET, useTestDatabase } from './setup/db';

const MANIFEST = 'test/gql/persisted-documents.json';

/** A document of the suite, as `npm run codegen` recorded it. */
const Profile = graphql(`
  query TrustedProfile($username: String!) { userByUsername(username: $username) { username } }`);

const db = useTestDatabase({ leaderboards: { schedule: false } });
let trusted: TrustedDocuments;
let app: App;
let profileId: string;
let wsUrl: string;

beforeAll(async () => {
  trusted = await loadTrustedDocuments(MANIFEST);
  const config = loadConfig({
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    SPOTTER_TRUSTED_DOCUMENTS: MANIFEST,
  });
  app = createApp({ sql: db.sql, config, trustedDocuments: trusted, leaderboards: { schedule: false } });
  profileId = [...trusted.documents].find(([, document]) => document.startsWith('query TrustedProfile'))![0];
  wsUrl = `ws://127.0.0.1:${await app.listen(0)}/graphql`;
});
afterAll(() => app.close());

function post(target: App, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return target.yoga.fetch('http://spotter.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function overWebSocket(payload: {
  query: string;
  extensions?: Record<string, unknown>;
  variables?: Record<string, unknown>;
}) {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  return new Promise<unknown>((resolve) => {
    let result: unknown;
    client.subscribe(payload, {
      next: (value) => {
        result = value;
      },
      error: (error) => resolve({ error }),
      complete: () => resolve(result),
    });
  }).finally(() => client.dispose());
}

describe('npm run codegen', () => {
  it('writes a manifest whose ids are the sha256 of each document', () => {
    expect(trusted.documents.size).toBeGreaterThan(20);
    for (const [id, document] of trusted.documents) {
      expect(createHash('sha256').update(document).digest('hex')).toBe(id);
    }
    expect(profileId).toBeDefined();
  });
});

describe('SPOTTER_TRUSTED_DOCUMENTS', () => {
  it('runs a manifest document sent by id, as documentId or as a persisted-query hash', async () => {
    const user = await createUser(db.sql);
    for (const body of [
      { documentId: `sha256:${profileId}`, variables: { username: user.username } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: profileId } }, variables: { username: user.username } },
    ]) {
      const response = await post(app, body);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ data: { userByUsername: { username: user.username } } });
    }
  });

  it('answers any other document, an unknown id and introspection with a typed error, running nothing', async () => {
    const arbitrary = await post(app, { query: '{ users(first: 1) { edges { cursor } } }' });
    expect(arbitrary.status).toBe(400);
    expect((await arbitrary.json()).errors.map((e: any) => e.extensions.code)).toEqual(['PERSISTED_QUERY_ONLY']);

    const unknown = await post(app, { documentId: `sha256:${'0'.repeat(64)}` });
    expect((await unknown.json()).errors.map((e: any) => e.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

    const introspection = await post(app, { query: '{ __schema { queryType { name } } }' });
    expect((await introspection.json()).errors.map((e: any) => e.extensions.code)).toEqual(['PERSISTED_QUERY_ONLY']);
  });

  it('serves no GraphiQL', async () => {
    const page = await app.yoga.fetch('http://spotter.test/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await page.text()).not.toContain('GraphiQL');
  });

  it('holds over WebSocket too', async () => {
    const user = await createUser(db.sql);
    const refused = (await overWebSocket({ query: '{ __typename }' })) as { error: unknown };
    expect(JSON.stringify(refused.error)).toContain('PERSISTED_QUERY_ONLY');
    const allowed = await overWebSocket({
      query: '',
      extensions: { persistedQuery: { version: 1, sha256Hash: profileId } },
      variables: { username: user.username },
    });
    expect(allowed).toMatchObject({ data: { userByUsername: { username: user.username } } });
  });

  it('is off by default: any document, introspection and GraphiQL', async () => {
    const user = await createUser(db.sql);
    expectData(await run(db, Profile, { username: user.username }));
    const introspection = await runUntyped(db, '{ __schema { queryType { name } } }');
    expect(errorCodes(introspection)).toEqual([]);
    const page = await db.app.yoga.fetch('http://spotter.test/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Spotter GraphiQL');
  });
});
