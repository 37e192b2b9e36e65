import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { WebSocket } from 'ws';
import { SUBSCRIPTION_LIMITS } from '../src/http/subscription-limits';
import type { Workload } from './workloads';

/** The idle subscriptions issue 11 asks the memory of. */
const SUBSCRIPTIONS = 2_000;
/** Subscriptions opened at once: each start reads one row, and the pool's wait is bounded. */
const OPENING_BATCH = 25;

const LIVE = `subscription M1($after: Int) { notificationAdded(afterSequenceNumber: $after) { sequenceNumber } }`;

export interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  /** Bytes used in each V8 heap space (old objects, compiled code, maps, …), by space name. */
  spaces: Record<string, number>;
}

/** Evaluated in the server: its memory, and which V8 spaces hold its heap. */
const MEMORY_EXPRESSION = `JSON.stringify({ ...process.memoryUsage(), spaces: Object.fromEntries(
  process.getBuiltinModule('v8').getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size])) })`;

/**
 * Evaluated in the server: from now on, after each major collection V8 runs by itself, note the
 * memory if it is the lowest since the last reading. Reading it changes nothing in the process.
 */
const WATCH_MAJOR_COLLECTIONS = `(() => {
  const { PerformanceObserver, constants } = process.getBuiltinModule('perf_hooks');
  const v8 = process.getBuiltinModule('v8');
  globalThis.__spotterHeapFloor = null;
  new PerformanceObserver((list) => {
    if (!list.getEntries().some((entry) => entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) return;
    const usage = process.memoryUsage();
    const floor = globalThis.__spotterHeapFloor;
    if (floor && floor.heapUsed <= usage.heapUsed) return;
    globalThis.__spotterHeapFloor = { ...usage, spaces: Object.fromEntries(
      v8.getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size])) };
  }).observe({ entryTypes: ['gc'] });
})()`;

const TAKE_HEAP_FLOOR = `(() => {
  const floor = globalThis.__spotterHeapFloor;
  globalThis.__spotterHeapFloor = null;
  return JSON.stringify(floor);
})()`;

/**
 * The server's memory after full garbage collections, through the inspector it was started with
 * (`--inspect=127.0.0.1:0`): a bench cannot call `gc()` inside another process otherwise.
 */
export async function openInspector(output: () => string) {
  let url: string | undefined;
  for (let i = 0; i < 100 && !url; i += 1) {
    url = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(output())?.[0];
    if (!url) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!url) throw new Error('the server printed no inspector URL');
  const socket = new WebSocket(url);
  await once(socket, 'open');
  let lastId = 0;
  const answers = new Map<number, (result: any) => void>();
  let snapshotChunk: ((chunk: string) => void) | null = null;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.method === 'HeapProfiler.addHeapSnapshotChunk') snapshotChunk?.(message.params.chunk);
    answers.get(message.id)?.(message.result);
    answers.delete(message.id);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<any>((resolve) => {
      lastId += 1;
      answers.set(lastId, resolve);
      socket.send(JSON.stringify({ id: lastId, method, params }));
    });
  return {
    async memory(): Promise<Memory> {
      // Twice: the first collection can leave garbage that only finalizers of the first release.
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.collectGarbage');
      const evaluated = await call('Runtime.evaluate', {
        expression: MEMORY_EXPRESSION,
        returnByValue: true,
      });
      const usage = JSON.parse(evaluated.result.value) as Memory;
      return { rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external, spaces: usage.spaces };
    },
    /**
     * Starts noting the memory after each major collection the server runs on its own. A forced
     * collection is V8's most thorough: it also frees what optimized code refers to, and V8 then
     * throws that code away and compiles it again, so forcing one every minute changes what it measures.
     */
    watchMajorCollections: () => call('Runtime.evaluate', { expression: WATCH_MAJOR_COLLECTIONS }),
    /** The lowest memory after one of the server's own major collections since the last call; null if none ran. */
    async heapFloor(): Promise<Memory | null> {
      const evaluated = await call('Runtime.evaluate', { expression: TAKE_HEAP_FLOOR, returnByValue: true });
      const floor = JSON.parse(evaluated.result.value) as Memory | null;
      return floor && { rss: floor.rss, heapUsed: floor.heapUsed, external: floor.external, spaces: floor.spaces };
    },
    /**
     * Writes a heap snapshot (after a full collection) to `path`. Objects keep their ids across the
     * snapshots of one inspector session, so two of them tell what was allocated between and kept.
     */
    async heapSnapshot(path: string): Promise<void> {
      const file = createWriteStream(path);
      snapshotChunk = (chunk) => file.write(chunk);
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      snapshotChunk = null;
      file.end();
      await once(file, 'close');
    },
    /**
     * Starts V8's sampling profiler; the returned function stops it and writes the profile to `path`
     * (a `.cpuprofile`, which Chrome DevTools and bench/cpu-profile-diff.ts read).
     */
    async startCpuProfile(intervalMicroseconds: number): Promise<(path: string) => Promise<void>> {
      await call('Profiler.enable');
      await call('Profiler.setSamplingInterval', { interval: intervalMicroseconds });
      await call('Profiler.start');
      return async (path) => {
        const { profile } = await call('Profiler.stop');
        await writeFile(path, JSON.stringify(profile));
      };
    },
    close: () => socket.close(),
  };
}

/**
 * One graphql-transport-ws connection holding `subscriptions`, each asking for the viewer's newest
 * notification again, so its first `next` proves it is live; then it stays idle.
 */
async function connect(origin: string, token: string) {
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  await once(socket, 'open');
  const waiting = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  let acknowledged: () => void = () => undefined;
  const ack = new Promise<void>((resolve) => {
    acknowledged = resolve;
  });
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.type === 'connection_ack') acknowledged();
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.type === 'next' && !message.payload.errors) pending.resolve();
    else pending.reject(new Error(`subscription ${message.type}: ${JSON.stringify(message.payload)}`));
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await ack;
  let lastId = 0;
  return {
    subscribe(after: number): Promise<void> {
      lastId += 1;
      const id = String(lastId);
      const live = new Promise<void>((resolve, reject) => waiting.set(id, { resolve, reject }));
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: LIVE, variables: { after } } }));
      return live;
    },
    async close() {
      socket.close();
      if (socket.readyState !== WebSocket.CLOSED) await once(socket, 'close');
    },
  };
}

type Connection = Awaited<ReturnType<typeof connect>>;

interface Viewer {
  id: number;
  lastSequenceNumber: number;
}

/** Opens `perConnection` subscriptions on each of `connectionsPerViewer` connections per viewer, in batches. */
async function openShape(
  origin: string,
  token: (userId: number) => Promise<string>,
  viewers: Viewer[],
  connectionsPerViewer: number,
  perConnection: number,
): Promise<Connection[]> {
  const plan = viewers.flatMap((viewer) => Array.from({ length: connectionsPerViewer }, () => viewer));
  const connections: Connection[] = [];
  for (let i = 0; i < plan.length; i += OPENING_BATCH) {
    const batch = plan.slice(i, i + OPENING_BATCH);
    const opened = await Promise.all(batch.map(async (viewer) => connect(origin, await token(viewer.id))));
    connections.push(...opened);
    for (let k = 0; k < perConnection; k += OPENING_BATCH) {
      await Promise.all(
        opened.flatMap((connection, j) =>
          Array.from({ length: Math.min(OPENING_BATCH, perConnection - k) }, () =>
            connection.subscribe(batch[j]!.lastSequenceNumber - 1),
          ),
        ),
      );
    }
  }
  return connections;
}

const MB = 2 ** 20;

/**
 * Issue 11: the memory of 2,000 idle WebSocket subscriptions, measured in a fresh production server
 * process, next to the limits that bound what one client can hold. Two shapes: one subscription per
 * connection and user (the common client), and connections and viewers filled to the caps.
 */
export const M1: Workload = {
  id: 'M1',
  title: `memory of ${SUBSCRIPTIONS.toLocaleString('en')} idle WebSocket subscriptions (notificationAdded), per subscriber`,
  kind: 'read',
  needs: ['Subscription.notificationAdded'],
  async prepare(ctx) {
    if (!ctx.secondServer) return 'the harness cannot start a server process of its own';
    const { perConnection, perViewer } = SUBSCRIPTION_LIMITS;
    const viewers = await ctx.sql<Viewer[]>`/* bench:subscribers */
      select user_id as id, last_sequence_number from notification_states
       where last_sequence_number > 0 order by user_id limit ${SUBSCRIPTIONS}`;
    const atCaps = Math.ceil(SUBSCRIPTIONS / perViewer);
    if (viewers.length < atCaps) return `no data: ${viewers.length} users have notifications, ${atCaps} are needed`;
    const shapes = [
      ...(viewers.length >= SUBSCRIPTIONS
        ? [{ name: 'one per connection and user', viewers, connectionsPerViewer: 1, perConnection: 1 }]
        : []),
      {
        name: `${perConnection} per connection, ${perViewer} per user (the caps)`,
        viewers: viewers.slice(0, atCaps),
        connectionsPerViewer: perViewer / perConnection,
        perConnection,
      },
    ];
    const server = await ctx.secondServer({ nodeArgs: ['--inspect=127.0.0.1:0'] });
    const metrics: Record<string, number> = {};
    const notes = [
      `Limits: ${perConnection} live subscriptions per WebSocket connection, ${perViewer} per user per process (src/http/subscription-limits.ts).`,
      `A fresh production server process (started with --inspect for the garbage collections); memory after two full collections, ` +
        `before and with the subscriptions open, each first replaying one notification to prove it live. ` +
        `RSS also counts what the allocator keeps from the opening burst; heap + external is what the subscriptions retain.`,
    ];
    const inspector = await openInspector(server.output);
    try {
      // Warm-up: code paths, compiled documents and the LISTEN connection are paid once, not per subscriber.
      const warm = await openShape(server.origin, ctx.token, viewers.slice(0, 10), 1, 2);
      await Promise.all(warm.map((c) => c.close()));
      for (const [index, shape] of shapes.entries()) {
        const key = index === 0 && shapes.length === 2 ? 'single' : 'capped';
        await new Promise((resolve) => setTimeout(resolve, 500));
        const before = await inspector.memory();
        const started = performance.now();
        const connections = await openShape(
          server.origin,
          ctx.token,
          shape.viewers,
          shape.connectionsPerViewer,
          shape.perConnection,
        );
        const openSeconds = (performance.now() - started) / 1000;
        const open = connections.length * shape.perConnection;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const during = await inspector.memory();
        await Promise.all(connections.map((c) => c.close()));
        const retained = during.heapUsed + during.external - before.heapUsed - before.external;
        metrics[`${key}Subscriptions`] = open;
        metrics[`${key}Connections`] = connections.length;
        metrics[`${key}RssMbPerSubscriber`] = (during.rss - before.rss) / MB / open;
        metrics[`${key}HeapMbPerSubscriber`] = retained / MB / open;
        metrics[`${key}RssMbTotal`] = (during.rss - before.rss) / MB;
        metrics[`${key}OpenSeconds`] = openSeconds;
        ctx.log(
          `M1 ${shape.name}: ${open} subscriptions on ${connections.length} connections, ` +
            `RSS +${((during.rss - before.rss) / MB).toFixed(1)} MB, heap+external +${(retained / MB).toFixed(1)} MB ` +
            `(${((retained / MB / open) * 1024).toFixed(1)} KB per subscriber)`,
        );
        notes.push(
          `${key}: ${shape.name}: ${open} subscriptions on ${connections.length} connections of ${shape.viewers.length} users.`,
        );
      }
      const after = await inspector.memory();
      metrics.rssMbAfterClosing = after.rss / MB;
      metrics.heapMbAfterClosing = after.heapUsed / MB;
    } finally {
      inspector.close();
      await server.stop();
    }
    return { subjects: { subscriptions: SUBSCRIPTIONS, ...SUBSCRIPTION_LIMITS }, cases: [], notes, metrics };
  },
};
