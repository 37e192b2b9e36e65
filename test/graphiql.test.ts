import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app';
import { signToken } from '../src/auth/tokens';
import { EXAMPLE_QUERY } from '../src/http/graphiql';
import { createUser } from './kit/seed';
import { exercises, insertWorkout } from './kit/training';
import { useTestDatabase } from './setup/db';

const CHROMIUM = process.env.SPOTTER_CHROMIUM || '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present && !process.env.CI) {
  console.warn(
    `graphiql.test.ts: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set SPOTTER_CHROMIUM). CI never skips it.`,
  );
}

const db = useTestDatabase({ leaderboards: { schedule: false } });
let app: App | null = null;
let browser: Browser | null = null;
let profileDir: string | null = null;
afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

/** Addresses on this machine; anything else would mean the page reached for the internet. */
function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

// Skipped only off CI on a machine without the binary; in CI a missing Chromium fails the launch.
describe.skipIf(!present && !process.env.CI)('GraphiQL in a real browser', () => {
  it('opens offline with the example query and the demo token, runs it, and shows the data', async () => {
    const demo = await createUser(db.sql, { username: 'graphiql_demo' });
    const exerciseId = (await exercises(db.sql)).byName.values().next().value!;
    await insertWorkout(db.sql, demo.id, new Date(Date.now() - 3_600_000), [{ exerciseId, reps: 5, weightKg: 80 }]);
    const token = await signToken(demo.id, db.config.jwtSecret);
    app = createApp({
      sql: db.sql,
      config: db.config,
      leaderboards: { schedule: false },
      graphiql: { defaultQuery: EXAMPLE_QUERY, authorization: `Bearer ${token}` },
    });
    const port = await app.listen(0);

    profileDir = await mkdtemp(join(tmpdir(), 'spotter-chromium-'));
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${profileDir}`,
      ],
    });
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    await page.goto(`http://127.0.0.1:${port}/graphql`, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForSelector('.graphiql-execute-button', { timeout: 60_000 });
    // The editor holds the example, not an empty tab or Yoga's default.
    await page.waitForFunction(
      // Monaco lays words out with no-break spaces.
      () =>
        document.querySelector('.graphiql-query-editor')?.textContent?.replace(/\s+/g, ' ').includes('query Example'),
      { timeout: 30_000 },
    );
    await page.click('.graphiql-execute-button');
    const response = await page.waitForFunction(
      () => {
        const text = document.querySelector('.graphiql-response')?.textContent ?? '';
        return text.includes('"viewer"') && text.includes('}') ? text : false;
      },
      { timeout: 30_000 },
    );
    const text = ((await response.jsonValue()) as string).replace(/\s+/g, ' ');
    // Signed in through the preset header: the viewer is the demo user, with the workout.
    expect(text).toContain('"username": "graphiql_demo"');
    expect(text).toContain('"title": "Inserted"');
    expect(text).not.toContain('UNAUTHENTICATED');

    expect(requested.some((url) => url.endsWith('/graphql'))).toBe(true);
    expect(requested.filter((url) => !isLocal(url))).toEqual([]);
  }, 180_000);
});
