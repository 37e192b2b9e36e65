import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  pid: number;
  /** What the process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('..', import.meta.url));

export interface ServerOptions {
  /** On top of the bench's environment, e.g. to measure what a setting costs. */
  env?: Record<string, string>;
  /** Flags for `node` itself, e.g. `--inspect`. */
  nodeArgs?: string[];
  /** Another checkout to run (an A/B against an older commit). @default this tree */
  cwd?: string;
  /** `development` adds `extensions.sql` to each response, to count a request's statements. @default 'production' */
  nodeEnv?: 'production' | 'development';
}

/**
 * The real server, as `npm start` runs it, in its own process: the load generator must not share
 * its event loop. NODE_ENV=production as deployed (graphql-js skips its development checks); the
 * statement counts come from an in-process capture instead of `extensions.sql`.
 */
export function startServer(
  databaseUrl: string,
  jwtSecret: string,
  options: ServerOptions = {},
): Promise<RunningServer> {
  return startProcess(
    [...(options.nodeArgs ?? []), '--max-semi-space-size=64', '--import', 'tsx', 'src/main.ts'],
    { DATABASE_URL: databaseUrl, JWT_SECRET: jwtSecret, ...options.env },
    process.execPath,
    { cwd: options.cwd, nodeEnv: options.nodeEnv },
  );
}

const URL_LINE = /http:\/\/localhost:(\d+)\/graphql/;

/**
 * A Node process of the bench's own (the raw-SQL floor, the bare Yoga baseline, a peer on a Node of
 * its own: `execPath`) or the real server, started the same way: production mode, port 0, ready once
 * it prints its `/graphql` URL.
 */
export async function startProcess(
  args: string[],
  env: Record<string, string>,
  execPath = process.execPath,
  where: { cwd?: string; nodeEnv?: 'production' | 'development' } = {},
): Promise<RunningServer> {
  const child = spawn(execPath, args, {
    cwd: where.cwd ?? root,
    env: { ...process.env, ...env, PORT: '0', NODE_ENV: where.nodeEnv ?? 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Production writes a log line per request: the pipe is read to the end (a full one would stall the
  // server), but only its start (the URLs it announces) and its latest lines are kept.
  let head = '';
  let tail = '';
  const output = () => (tail ? `${head}\n…\n${tail}` : head);
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 120 s:\n${output()}`)), 120_000);
    const onData = (chunk: Buffer) => {
      if (head.length < 16_384) head += chunk.toString();
      else tail = (tail + chunk.toString()).slice(-8_192);
      // Not only in the start: V8 flags such as --log-deopt print before the server is up.
      const match = URL_LINE.exec(head) ?? URL_LINE.exec(tail);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code}:\n${output()}`));
    });
  });
  return { origin, pid: child.pid!, output, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  // A process ended by a signal has no exit code, only a signal code.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
