// `npm start` as a user runs it, for each start-up failure the user can cause: it must end with one
// line on stderr saying what is wrong and what to do, and exit code 1; never a stack trace, a hang or
// a silent exit.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './kit/replication';
import { TEST_JWT_SECRET, useTestDatabase } from './setup/db';

const db = useTestDatabase({ leaderboards: { schedule: false } });

const [node, ...startArgs] = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start.split(' ') as string[];
if (node !== 'node') throw new Error('npm start no longer runs node: update this test');

/** Longer than any bound of start-up (the 10 s wait for a first answer): a process still running then has hung. */
const HANG_MS = 40_000;

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment `npm start` sees, without this test run's database and server settings. */
function userEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(DATABASE_|SPOTTER_|JWT_SECRET$|PORT$)/.test(name)) delete env[name];
  }
  return { ...env, ...settings };
}

async function npmStart(settings: Record<string, string>): Promise<Ended> {
  const child = spawn(process.execPath, startArgs, { env: userEnv(settings), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const hung = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(hung);
  return { code, stdout, stderr };
}

function expectOneLine(ended: Ended, says: RegExp) {
  const seen = JSON.stringify(ended);
  expect(ended.stderr, seen).not.toMatch(/^\s+at /m);
  expect(ended.stderr.trimEnd().split('\n'), seen).toEqual([expect.stringMatching(says)]);
  expect(ended.stdout, seen).toBe('');
  expect(ended.code, seen).toBe(1);
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A port something else listens on (every address, as PostgreSQL and the server bind), answering with `reply`. */
async function occupiedPort(reply?: string): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (reply !== undefined) socket.end(reply);
  });
  server.listen(0);
  await once(server, 'listening');
  cleanups.push(async () => {
    const closed = once(server, 'close');
    server.close();
    for (const socket of sockets) socket.destroy();
    await closed;
  });
  return (server.address() as { port: number }).port;
}

async function folder(mode: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'spotter-start-'));
  await chmod(dir, mode);
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function testDatabaseUrl(change: (url: URL) => void): string {
  const url = new URL(db.url);
  change(url);
  return url.toString();
}

describe('npm start on embedded PostgreSQL', () => {
  it('names the data folder the database user cannot reach (a fresh mktemp -d as root) and SPOTTER_DATA_DIR', async () => {
    // As root, mode 700 keeps out the "postgres" user PostgreSQL runs as; otherwise read-only keeps out us.
    const dir = await folder(process.getuid?.() === 0 ? 0o700 : 0o500);
    const ended = await npmStart({
      SPOTTER_DATA_DIR: join(dir, 'postgres'),
      SPOTTER_EMBEDDED_PORT: String(await freePort()),
      PORT: '0',
    });
    expectOneLine(ended, /data folder .*\/postgres.*Permission denied.*Set SPOTTER_DATA_DIR/i);
  });

  it('names the embedded port in use and SPOTTER_EMBEDDED_PORT', async () => {
    const dir = await folder(0o755);
    const ended = await npmStart({
      SPOTTER_DATA_DIR: join(dir, 'postgres'),
      SPOTTER_EMBEDDED_PORT: String(await occupiedPort()),
      PORT: '0',
    });
    expectOneLine(ended, /cannot listen on port \d+: it is already in use.*SPOTTER_EMBEDDED_PORT/);
  });
});

describe('npm start with DATABASE_URL', () => {
  it('names the HTTP port in use and PORT', async () => {
    const port = await occupiedPort();
    const ended = await npmStart({ DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, PORT: String(port) });
    expectOneLine(ended, new RegExp(`^Port ${port} is already in use.*set PORT`));
  });

  it.each([
    ['not a URL', 'localhost 5432 spotter', /^DATABASE_URL is not a URL; expected postgres:\/\//],
    ['of another scheme', 'mysql://spotter:secret@localhost/spotter', /^DATABASE_URL must start with postgres:\/\//],
    ['without a host', 'postgres:///spotter', /^DATABASE_URL names no host/],
  ])('refuses a DATABASE_URL %s', async (_, url, says) => {
    expectOneLine(await npmStart({ DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET, PORT: '0' }), says);
  });

  it.each([
    ['DATABASE_POOL_MAX', '0'],
    ['DATABASE_STATEMENT_TIMEOUT_MS', 'five seconds'],
    ['DATABASE_POOL_WAIT_MS', '-1'],
  ])('refuses %s=%s, naming the setting', async (name, value) => {
    const ended = await npmStart({ DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, PORT: '0', [name]: value });
    expectOneLine(ended, new RegExp(`^${name} must be an integer >= 1, got "${value}"`));
  });

  it('says the login was refused for a wrong password, and to fix DATABASE_URL', async () => {
    const url = testDatabaseUrl((u) => {
      u.password = 'not-the-password';
    });
    const ended = await npmStart({ DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET, PORT: '0' });
    expectOneLine(ended, /refused the login in DATABASE_URL: password authentication failed.*fix the user or password/);
  });

  it('names a database that does not exist, and to create it or fix DATABASE_URL', async () => {
    const url = testDatabaseUrl((u) => {
      u.pathname = '/spotter_no_such_database';
    });
    const ended = await npmStart({ DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET, PORT: '0' });
    expectOneLine(ended, /"spotter_no_such_database" does not exist.*create it or fix DATABASE_URL/);
  });

  it('says PostgreSQL cannot be reached when nothing listens on its port', async () => {
    const port = await freePort();
    const url = testDatabaseUrl((u) => {
      u.port = String(port);
    });
    const ended = await npmStart({ DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET, PORT: '0' });
    expectOneLine(ended, new RegExp(`^Cannot reach PostgreSQL at \\S+:${port}/.*ECONNREFUSED.*DATABASE_URL`));
  });

  it('gives up on a port where something other than PostgreSQL answers and hangs up', async () => {
    // postgres.js alone reconnects to such a port forever, so `npm start` hung.
    const port = await occupiedPort('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    const url = testDatabaseUrl((u) => {
      u.port = String(port);
    });
    const ended = await npmStart({ DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET, PORT: '0' });
    expectOneLine(ended, new RegExp(`^Nothing at \\S+:${port}/.* answered as PostgreSQL.*DATABASE_URL`));
  }, 60_000);
});
