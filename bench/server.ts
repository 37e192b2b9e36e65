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

/**
 * The real server, as `npm start` runs it, in its own process: the load generator must not share
 * its event loop. NODE_ENV=production as deployed (graphql-js skips its development checks); the
 * statement counts come from an in-process capture instead of `extensions.sql`.
 */
export function startServer(databaseUrl: string, jwtSecret: string, nodeArgs: string[] = []): Promise<RunningServer> {
  return startProcess([...nodeArgs, '--max-semi-space-size=64', '--import', 'tsx', 'src/main.ts'], {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
  });
}

/**
 * A Node process of the bench's own (the raw-SQL floor, the bare Yoga baseline) or the real server,
 * started the same way: production mode, port 0, ready once it prints its `/graphql` URL.
 */
export async function startProcess(args: string[], env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: '0', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/localhost:(\d+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code}:\n${output}`));
    });
  });
  return { origin, pid: child.pid!, output: () => output, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
