// `npm start` as a user runs it, for each start-up failure the user can cause: it must end with one
// line on stderr saying what is wrong and what to do, and exit code 1; never a stack trace, a hang or
// a silent exit.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastProblem } from '../src/db/database';
import { SUPPORTED_NODE, unsupportedNode } from '../src/node-support';
import { freePort } from './kit/replication';
import { TEST_JWT_SECRET, useTestDatabase } from './setup/db';

const db = useTestDatabase({ leaderboards: { schedule: false } });

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
const [node, ...startArgs] = packageJson.scripts.start!.split(' ');
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
  return ended(process.execPath, startArgs, settings);
}

async function ended(command: string, args: string[], settings: Record<string, string>): Promise<Ended> {
  const child = spawn(command, args, { env: userEnv(settings), stdio: ['ignore', 'pipe', 'pipe'] });
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

/** How an older release presents itself to our code: `process.versions.node`, set before anything else loads. */
const nodeReporting = (version: string) => ({
  NODE_OPTIONS: `--import "data:text/javascript,Object.defineProperty(process.versions,'node',{value:'${version}'})"`,
});

/** A Node binary of an unsupported release installed on this machine (Debian's is 20), if any. */
function unsupportedNodeBinary(): string | null {
  for (const path of ['/usr/bin/node', '/usr/local/bin/node']) {
    try {
      const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
      if (unsupportedNode(version)) return path;
    } catch {}
  }
  return null;
}
const oldNode = unsupportedNodeBinary();

const SUPPORTED_LINE = /^Spotter needs Node\.js 22\.15 or later on the 22 line, or 24 or later; this is Node\.js /;

describe('Node.js releases', () => {
  it.each([
    ['20.19.5', false],
    ['22.14.0', false],
    ['22.15.0', true],
    ['22.23.5', true],
    ['23.11.1', false],
    ['24.0.0', true],
    ['v24.22.3', true],
    ['26.0.0-pre', true],
  ])('Node %s is supported: %s', (version, supported) => {
    expect(unsupportedNode(version) === null).toBe(supported);
  });

  it("package.json's engines states the range start-up enforces", () => {
    expect(packageJson.engines.node).toBe(SUPPORTED_NODE);
  });

  it('every script that runs our code checks the release before loading it', () => {
    const commands = Object.entries(packageJson.scripts).flatMap(([name, script]) =>
      script
        .split('&&')
        .filter((command) => /^\s*(tsx|node)\b/.test(command))
        .map((command) => [name, command] as const),
    );
    expect(commands.map(([name]) => name)).toEqual(
      expect.arrayContaining(['start', 'dev', 'seed', 'token', 'migrate']),
    );
    for (const [name, command] of commands) {
      expect(command, name).toMatch(
        /^\s*(node .*--import tsx|tsx( watch)?) --import \.\/src\/require-supported-node\.ts /,
      );
    }
  });

  it('npm start on Node 22.14 ends with one line naming the supported releases, before connecting to anything', async () => {
    const refused = await npmStart({ ...nodeReporting('22.14.0'), DATABASE_URL: 'postgres://nowhere.invalid/spotter' });
    expectOneLine(refused, new RegExp(`${SUPPORTED_LINE.source}22\\.14\\.0\\. Install a supported release`));
  });

  it('npm run seed on Node 20 ends with the same line', async () => {
    expectOneLine(
      await ended('npm', ['run', '--silent', 'seed', '--', '--users', '10'], nodeReporting('20.19.5')),
      SUPPORTED_LINE,
    );
  });

  it.runIf(oldNode)("npm start on this machine's own unsupported Node binary ends with the same line", async () => {
    expectOneLine(await ended(oldNode!, startArgs, { PORT: '0' }), SUPPORTED_LINE);
  });
});

describe("embedded PostgreSQL's reason for not starting", () => {
  it('is read whole when the pipe delivered its line in two chunks', () => {
    const log = [
      '[STDERR] initdb: error: ',
      '[STDERR] could not access directory "/tmp/x/postgres": Permission denied\n',
    ];
    expect(lastProblem(log, new Error(''))).toBe('could not access directory "/tmp/x/postgres": Permission denied');
    expect(lastProblem(['2026-12-08 FATAL:  lock file "postmaster.pid" already exists\n'], undefined)).toBe(
      'lock file "postmaster.pid" already exists',
    );
    expect(lastProblem([], undefined)).toBe('it exited without saying why');
  });
});
