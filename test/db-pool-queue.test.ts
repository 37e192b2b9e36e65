// postgres.js keeps its pool's idle connections in a queue (src/queue.js) whose array only resets when
// the queue empties. A pool that always has an idle connection (any server below its pool size of
// concurrent statements) never empties it, so unpatched every statement leaves one slot behind for
// good, and each statement's `remove` scans all of them: memory and CPU per statement that grow with
// the number of statements since start. src/db/patches/ compacts the queue; this checks the patch is
// in the postgres.js the server loads (ESM) and in its CommonJS build.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Cycles the queue as the pool does for each statement: the first idle connection out, back in when done. */
const CYCLE = (load: string) => `
  const Queue = ${load};
  const connections = Array.from({ length: 10 }, (_, id) => ({ id }));
  const queue = Queue();
  for (const connection of connections) queue.push(connection);
  const cycle = (n) => {
    for (let i = 0; i < n; i++) {
      const connection = queue.shift();
      queue.remove(connection);
      queue.push(connection);
    }
  };
  cycle(1000);
  gc();
  const before = process.memoryUsage().heapUsed;
  cycle(100000);
  gc();
  const after = process.memoryUsage().heapUsed;
  const order = [];
  for (let i = 0; i < 10; i++) order.push(queue.shift().id);
  console.log(JSON.stringify({ grownBytes: after - before, length: queue.length, order }));
`;

function run(script: string, type: 'module' | 'commonjs') {
  const output = execFileSync(process.execPath, ['--expose-gc', `--input-type=${type}`, '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as { grownBytes: number; length: number; order: number[] };
}

describe('the postgres.js pool queue', () => {
  const esm = resolve('node_modules/postgres/src/queue.js');
  const cjs = resolve('node_modules/postgres/cjs/src/queue.js');
  it.each([
    ['ESM build, which the server loads', `(await import(${JSON.stringify(esm)})).default`, 'module'],
    ['CommonJS build', `require(${JSON.stringify(cjs)})`, 'commonjs'],
  ] as const)('stays bounded over 100,000 statements: %s', (_name, load, type) => {
    const result = run(CYCLE(load), type);
    // Unpatched it keeps a slot per statement: 800 KB or more.
    expect(result.grownBytes).toBeLessThan(64 * 1024);
    // And it is still the same queue: every connection once, in the order they went back.
    expect(result.length).toBe(0);
    expect(result.order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
