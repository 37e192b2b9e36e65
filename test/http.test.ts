import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { createSql } from '../src/db/client';
import { freePort } from './kit/replication';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

describe('HTTP endpoints', () => {
  it('/health answers while the process lives', async () => {
    const response = await db.app.yoga.fetch('http://spotter.test/health');
    expect(response.status).toBe(200);
  });

  it('/ready answers when the database is reachable', async () => {
    const response = await db.app.yoga.fetch('http://spotter.test/ready');
    expect(response.status).toBe(200);
  });

  it('/graphql serves GraphiQL to a browser', async () => {
    const response = await db.app.yoga.fetch('http://spotter.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('GraphiQL');
  });

  it('a request that is not GraphQL is a 4xx, not a 500', async () => {
    const response = await db.app.yoga.fetch('http://spotter.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe('extensions.sql', () => {
  it('reports the statements of an operation outside production', async () => {
    const response = await db.app.yoga.fetch('http://spotter.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ muscles { name } }' }),
    });
    const body = await response.json();
    expect(body.extensions.sql).toMatchObject({ statements: 1, names: ['loader:allMuscles'] });
    expect(body.extensions.sql.databaseMs).toBeGreaterThan(0);
  });

  it('is absent in production', async () => {
    const app = createApp({ sql: db.sql, config: { ...db.config, production: true } });
    const response = await app.yoga.fetch('http://spotter.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ muscles { name } }' }),
    });
    const body = await response.json();
    expect(body.data.muscles.length).toBeGreaterThan(0);
    expect(body.extensions?.sql).toBeUndefined();
    await app.close();
  });
});

describe('a database that cannot be reached', () => {
  it('answers queries SERVICE_UNAVAILABLE saying so, /ready 503, while /health stays 200', async () => {
    const url = new URL(db.url);
    url.port = String(await freePort());
    const sql = createSql(url.toString(), { max: 2, connectTimeout: 2 });
    const app = createApp({ sql, config: db.config, leaderboards: { schedule: false }, silent: true });
    try {
      const response = await app.yoga.fetch('http://spotter.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ users(first: 1) { edges { node { id } } } }' }),
      });
      const body = await response.json();
      expect(response.status).toBe(503);
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/database is unreachable/),
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }),
        }),
      ]);
      expect((await app.yoga.fetch('http://spotter.test/ready')).status).toBe(503);
      expect((await app.yoga.fetch('http://spotter.test/health')).status).toBe(200);
    } finally {
      await app.close();
      await sql.end({ timeout: 1 });
    }
  });
});
