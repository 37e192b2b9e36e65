import { Worker } from 'node:worker_threads';

/**
 * The same small piece of CPU work, timed on a thread of its own every few seconds: when it takes
 * longer, the cores are slower for everyone (a busy hyperthread sibling, a neighbour on the host, a
 * lower clock), whatever the processes being measured do. Its own thread, so timing it never delays
 * the load generator's event loop. Each sample is the median of five runs, which drops the runs the
 * scheduler happened to interrupt.
 */
const WORKER = `
const { parentPort } = require('node:worker_threads');
const row = { id: 'V29ya291dDox', title: 'Tempo run', sets: [1, 2, 3].map((i) => ({ reps: i * 5, weightKg: 40 + i })) };
function work() {
  let checksum = 0;
  for (let i = 0; i < 400; i += 1) {
    const text = JSON.stringify({ ...row, n: i });
    checksum += JSON.parse(text).sets.length + text.length;
  }
  for (let i = 0; i < 200000; i += 1) checksum = (checksum * 31 + i) % 1000003;
  return checksum;
}
function sample() {
  const runs = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    work();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  parentPort.postMessage(runs[2]);
}
for (let i = 0; i < 20; i += 1) work();
setInterval(sample, Number(process.env.CORE_SPEED_EVERY_MS));
`;

export interface CoreSpeedProbe {
  /** The samples (ms for the fixed work) since the last call. */
  take(): number[];
  stop(): Promise<void>;
}

export function startCoreSpeedProbe(everyMs = 5_000): CoreSpeedProbe {
  const worker = new Worker(WORKER, { eval: true, env: { CORE_SPEED_EVERY_MS: String(everyMs) } });
  let samples: number[] = [];
  worker.on('message', (ms: number) => samples.push(ms));
  worker.unref();
  return {
    take() {
      const taken = samples;
      samples = [];
      return taken;
    },
    async stop() {
      await worker.terminate();
    },
  };
}
