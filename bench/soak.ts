import { mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { Sql } from '../src/db/client';
import { clusterCpuMs } from './cluster-cpu';
import { startCoreSpeedProbe } from './core-speed';
import { type Operation, requestInit, sseEvents } from './graphql';
import { machineBusyMs, percentile, processCpuMs } from './measure';
import type { RunningServer } from './server';
import { type Memory, openInspector } from './subscription-memory';
import { type BenchContext, gid, rotate, type Workload } from './workloads';

/** A new subscriber every this many ms, each on the next server, transport and stream in turn. */
const SUBSCRIBE_EVERY_MS = 500;
/** Events a subscriber asks to have replayed from its sequence number before the live ones. */
const REPLAY = 3;
/** V8's default sampling interval; a profile of 5 minutes then holds 300,000 samples. */
const PROFILE_SAMPLING_MICROSECONDS = 1000;
/** A request or a replay slower than this is an error. */
const TIMEOUT_MS = 30_000;

/** One pass of the mix, per `rate` requests: reads, then writes, spread evenly over the pass. */
const MIX = [
  ['feed', 8],
  ['profile', 6],
  ['workout', 6],
  ['leaderboard', 4],
  ['messages', 6],
  ['logWorkout', 2],
  ['like', 2],
  ['unlike', 1],
  ['sendMessage', 3],
  ['follow', 1],
  ['unfollow', 1],
] as const;
type Kind = (typeof MIX)[number][0];

export interface Fit {
  /** Per minute, in the unit of the points. */
  slope: number;
  standardError: number;
  points: number;
}

/** Least squares of y on x, with the slope's standard error; null below 3 points. */
export function leastSquares(points: readonly { x: number; y: number }[]): Fit | null {
  const n = points.length;
  if (n < 3) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  const residuals = points.reduce((s, p) => s + (p.y - my - slope * (p.x - mx)) ** 2, 0);
  return { slope, standardError: Math.sqrt(residuals / (n - 2) / sxx), points: n };
}

/**
 * Growth is noise when the slope is within two standard errors of zero: a trend no steeper than the
 * minutes' own scatter around the line could draw by chance (about 95 % for this many points).
 */
export function withinNoise(fit: Fit): boolean {
  return fit.slope <= 2 * fit.standardError;
}

export interface SoakServerMinute {
  /** From /metrics at the minute's last scrape: the process as it runs, garbage included. */
  rssMb: number;
  heapUsedMb: number;
  /** The lowest after one of the process's own major collections in the minute: what is retained. */
  heapAfterGcMb: number;
  rssAfterGcMb: number;
  /** The heap after collection by V8 space, in MB: old objects, or compiled code and its metadata. */
  spacesAfterGcMb: Record<string, number>;
  /**
   * The process's CPU (user + system, from /proc) over the minute per request it served (half the
   * minute's): flat while latency rises means the time went to waiting, not to more work.
   */
  cpuMsPerRequest?: number;
}

export interface SoakMinute {
  minute: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  subscriptionsOpened: number;
  subscriptionErrors: number;
  liveEvents: number;
  servers: SoakServerMinute[];
  /** The machine's 1-minute load average at the minute's end: other work competing for the cores. */
  loadAverage?: number;
  /** Where the machine's CPU went over the minute, and how fast its cores were. */
  machine?: SoakMachineMinute;
}

export interface SoakMachineMinute {
  /** Busy time of all cores over the minute's wall time, in % of one core (200 = both cores busy). */
  busyPercentOfCore: number;
  /** CPU over the minute, in ms: both servers, the PostgreSQL cluster (every backend, vacuum and checkpoints), this load generator. */
  serversCpuMs: number;
  postgresCpuMs: number | null;
  loadGeneratorCpuMs: number;
  /** Median time of the core-speed probe's fixed work over the minute (bench/core-speed.ts): higher is slower cores. */
  coreSpeedMs: number;
}

export interface SoakRun {
  minutes: SoakMinute[];
  rate: number;
  /**
   * Where the first server's heap snapshots went (`--heap-snapshots`), or null. The first one pauses
   * that server for seconds in minute 1, so such a run does not judge the p99 ratio.
   */
  heapSnapshots: string | null;
  /**
   * Readings of the heap at a minute's end for which the server had run no major collection of its
   * own in that minute, so one was forced (see `afterOwnCollections`).
   */
  heapReadingsForced?: number;
  /**
   * Where the first server's CPU profiles went (`--cpu-profiles`), or null: one over the first measured
   * minutes and one over as many last minutes, so the two compare the same load early and late.
   */
  cpuProfiles: { dir: string; minutesEach: number } | null;
  /** Node.js options the servers ran with beyond the usual (`--server-node-args`), such as V8 flags. */
  serverNodeArgs: string[];
  /** Each server's memory after full collections before any load. */
  start: { heapAfterGcMb: number; rssAfterGcMb: number; spacesAfterGcMb: Record<string, number> }[];
  /** Each server's memory at the end of the warm-up, read as at each minute's end: the fits' first point. */
  afterWarmUp: SoakServerMinute[];
  heapFits: (Fit | null)[];
  rssFits: (Fit | null)[];
  /** The first few distinct error messages, with their counts. */
  errorSamples: { message: string; count: number }[];
  /** Per server, once the clients are gone: the gauges, and its connections in pg_stat_activity by state. */
  after: {
    subscriptionsLive: number;
    poolInUse: number;
    poolSize: number;
    connections: Record<string, number>;
    connectionsAfterStop: number;
  }[];
  /** Seconds from dropping the last client until both servers showed no live subscription and no busy connection. */
  releasedWithinSeconds: number | null;
  subscriptions: { opened: number; replayed: number; live: number; byTransport: Record<string, number> };
}

interface Subjects {
  feedViewers: string[];
  profiles: string[];
  workouts: string[];
  conversations: { id: number; gid: string; members: number[] }[];
  athletes: number[];
  exercises: string[];
  owners: number[];
  likePairs: PairSource<LikePair>;
  followPairs: PairSource<FollowPair>;
  reader: number;
  /** Everyone the mix acts as, to sign their tokens before the clock starts. */
  actors: number[];
}

interface LikePair {
  key: string;
  workout: string;
  liker: number;
}

interface FollowPair {
  key: string;
  follower: number;
  followee: number;
}

export interface PairSource<P extends { key: string }> {
  /** A pair not held now, one never used if any is left; null when every pair is held. */
  next(): P | null;
  /** The pair's like or follow was undone: it may be taken again. */
  release(pair: P): void;
}

/**
 * The pairs a like or a follow can join, each held by one at a time. Fresh pairs come first, because
 * only the first like of a workout by a liker (and the first follow) is notified, and the notification
 * subscribers need new ones. Once every pair has been used (a long soak, or many runs on one
 * database), any pair not held right now is taken again.
 */
export function pairSource<P extends { key: string }>(
  pairs: readonly P[],
  heldAtStart: Iterable<string>,
): PairSource<P> {
  const used = new Set(heldAtStart);
  const held = new Set(used);
  let turn = 0;
  return {
    next() {
      for (const freshOnly of [true, false]) {
        for (let tries = 0; tries < pairs.length; tries += 1) {
          const pair = pairs[turn % pairs.length]!;
          turn += 1;
          if (freshOnly ? used.has(pair.key) : held.has(pair.key)) continue;
          used.add(pair.key);
          held.add(pair.key);
          return pair;
        }
      }
      return null;
    },
    release: (pair) => held.delete(pair.key),
  };
}

/** Users in no block either way: no request of the mix may be refused for a block. */
const UNBLOCKED = 'not exists (select 1 from blocks b where b.blocker_id = u.id or b.blocked_id = u.id)';

async function pickSubjects(sql: Sql): Promise<Subjects | string> {
  const unblocked = sql.unsafe(UNBLOCKED);
  const feedViewers = await sql<{ id: number }[]>`/* soak:feedViewers */
    select u.id from users u where u.following_count > 0 and ${unblocked} order by u.following_count desc, u.id limit 20`;
  const profiles = await sql<{ id: number }[]>`/* soak:profiles */
    select u.id from users u where u.workout_count > 0 and ${unblocked} order by hashint8(u.id + 28) limit 50`;
  const owners = await sql<{ id: number }[]>`/* soak:owners */
    select u.id from users u where ${unblocked}
       and (select count(*) from workouts w where w.user_id = u.id and w.visibility = 'EVERYONE') >= 5
     order by hashint8(u.id + 29) limit 4`;
  const workouts = await sql<{ id: number; userId: number }[]>`/* soak:workouts */
    select w.id, w.user_id from workouts w join users u on u.id = w.user_id
     where w.visibility = 'EVERYONE' and ${unblocked} order by hashint8(w.id + 30) limit 200`;
  const conversations = await sql<{ id: number; members: number[] }[]>`/* soak:conversations */
    select c.id, array_agg(m.user_id order by m.user_id) as members
      from conversations c join conversation_members m on m.conversation_id = c.id
     where c.last_sequence_number >= ${REPLAY}
     group by c.id
    having count(*) between 3 and 50
       and bool_and(not exists (select 1 from blocks b where b.blocker_id = m.user_id or b.blocked_id = m.user_id))
     order by hashint8(c.id + 31) limit 4`;
  const athletes = await sql<{ id: number }[]>`/* soak:athletes */
    select u.id from users u where ${unblocked} order by hashint8(u.id + 32) limit 300`;
  const exercises = await sql<{ id: number }[]>`/* soak:exercises */ select id from exercises order by id limit 10`;
  if (feedViewers.length === 0 || profiles.length === 0 || workouts.length === 0)
    return 'no data: no users or workouts';
  if (owners.length === 0) return 'no data: nobody has 5 public workouts';
  if (conversations.length === 0) return 'no data: no conversation of 3 to 50 unblocked members with messages';
  if (athletes.length < 50 || exercises.length === 0) return 'no data: too few users or no exercises';

  const ownerIds = owners.map((o) => o.id);
  const ownerWorkouts = await sql<{ id: number; userId: number }[]>`/* soak:ownerWorkouts */
    select id, user_id from workouts where user_id = any(${ownerIds}::bigint[]) and visibility = 'EVERYONE' order by id`;
  const liked = await sql<{ workoutId: number; userId: number }[]>`/* soak:liked */
    select workout_id, user_id from workout_likes where workout_id = any(${ownerWorkouts.map((w) => w.id)}::bigint[])`;
  const likers = athletes.map((a) => a.id);
  const likePairs = pairSource(
    likers.flatMap((liker) =>
      ownerWorkouts
        .filter((workout) => workout.userId !== liker)
        .map((workout) => ({ key: `${workout.id}:${liker}`, workout: gid('Workout', workout.id), liker })),
    ),
    liked.map((l) => `${l.workoutId}:${l.userId}`),
  );

  const followers = athletes.slice(0, 100).map((a) => a.id);
  const followees = athletes.slice(100, 200).map((a) => a.id);
  const follows = await sql<{ followerId: number; followeeId: number }[]>`/* soak:follows */
    select follower_id, followee_id from follows where follower_id = any(${followers}::bigint[])`;
  const followPairs = pairSource(
    followees.flatMap((followee) =>
      followers.map((follower) => ({ key: `${follower}:${followee}`, follower, followee })),
    ),
    follows.map((f) => `${f.followerId}:${f.followeeId}`),
  );

  return {
    feedViewers: feedViewers.map((v) => String(v.id)),
    profiles: profiles.map((p) => gid('User', p.id)),
    workouts: workouts.map((w) => gid('Workout', w.id)),
    conversations: conversations.map((c) => ({ id: c.id, gid: gid('Conversation', c.id), members: c.members })),
    athletes: athletes.slice(200).map((a) => a.id),
    exercises: exercises.map((e) => gid('Exercise', e.id)),
    owners: ownerIds,
    likePairs,
    followPairs,
    reader: profiles[0]!.id,
    actors: [
      ...feedViewers.map((v) => v.id),
      ...athletes.map((a) => a.id),
      ...ownerIds,
      profiles[0]!.id,
      ...conversations.flatMap((c) => c.members),
    ],
  };
}

const FEED = `query SoakFeed { feed(first: 20) { edges { cursor node { id type createdAt user { id username displayName }
  workout { id title totalVolumeKg likeCount } } } pageInfo { hasNextPage endCursor } } }`;
const PROFILE = `query SoakProfile($id: ID!) { user(id: $id) { id username displayName country xp level workoutCount
  followerCount followingCount stats(days: 30) { workoutCount totalVolumeKg currentStreakDays }
  followers(first: 10) { edges { node { id username } } } workouts(first: 5) { edges { node { id title startedAt } } } } }`;
const WORKOUT = `query SoakWorkout($id: ID!) { workout(id: $id) { id title startedAt totalVolumeKg likeCount viewerHasLiked
  user { id username } sets { position reps weightKg exercise { id name } } } }`;
const LEADERBOARD = `query SoakLeaderboard($kind: LeaderboardKind!) { leaderboard(kind: $kind, first: 20) {
  edges { node { rank score user { id username level } } } pageInfo { hasNextPage endCursor } } }`;
const MESSAGES = `query SoakMessages($id: ID!) { conversation(id: $id) { id title messages(last: 20) { edges { node {
  id sequenceNumber body createdAt sender { id username } } } pageInfo { hasPreviousPage startCursor } } } }`;
const LOG_WORKOUT = `mutation SoakLog($input: LogWorkoutInput!) { logWorkout(input: $input) {
  workout { id setCount totalVolumeKg } errors { code message field } } }`;
const LIKE = `mutation SoakLike($input: WorkoutLikeInput!) { likeWorkout(input: $input) { workout { id likeCount } errors { code message field } } }`;
const UNLIKE = `mutation SoakUnlike($input: WorkoutLikeInput!) { unlikeWorkout(input: $input) { workout { id likeCount } errors { code message field } } }`;
const SEND = `mutation SoakSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id sequenceNumber } errors { code message field } } }`;
const FOLLOW = `mutation SoakFollow($input: FollowInput!) { follow(input: $input) { user { id followerCount } errors { code message field } } }`;
const UNFOLLOW = `mutation SoakUnfollow($input: FollowInput!) { unfollow(input: $input) { user { id followerCount } errors { code message field } } }`;
const MESSAGE_ADDED = `subscription SoakMessageAdded($id: ID!, $after: Int) {
  messageAdded(conversationId: $id, afterSequenceNumber: $after) { sequenceNumber } }`;
const NOTIFICATION_ADDED = `subscription SoakNotificationAdded($after: Int) {
  notificationAdded(afterSequenceNumber: $after) { sequenceNumber } }`;

/** The kinds of one pass, each spread evenly over it, so any second carries the whole mix. */
export function mixCycle(mix: readonly (readonly [string, number])[]): string[] {
  const slots = mix.flatMap(([kind, count]) =>
    Array.from({ length: count }, (_, i) => ({ kind, at: (i + 0.5) / count })),
  );
  return slots.sort((a, b) => a.at - b.at).map((slot) => slot.kind);
}

/** What a response carries that a client would see as failure: an HTTP error, a GraphQL error, a UserError. */
export function failureOf(
  status: number,
  body: { data?: Record<string, unknown> | null; errors?: unknown[] },
): string | null {
  if (status !== 200) return `HTTP ${status}`;
  if (body.errors?.length) return `GraphQL: ${JSON.stringify(body.errors[0]).slice(0, 200)}`;
  for (const [field, value] of Object.entries(body.data ?? {})) {
    const errors = (value as { errors?: unknown[] } | null)?.errors;
    if (Array.isArray(errors) && errors.length > 0) return `${field}: ${JSON.stringify(errors[0]).slice(0, 200)}`;
  }
  return null;
}

/** The sum of a Prometheus series over its labels, from /metrics text; NaN when absent. */
export function seriesSum(text: string, name: string): number {
  let sum = Number.NaN;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== ' ' && line[name.length] !== '{')) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    sum = Number.isNaN(sum) ? value : sum + value;
  }
  return sum;
}

/**
 * The local ports of a process's TCP connections to `port`, from its socket inodes in /proc: how
 * pg_stat_activity's `client_port` tells one server process's connections from another's.
 */
function clientPortsOf(pid: number, port: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // closed meanwhile
    }
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || !inodes.has(fields[9]!) || fields[3] !== '01') continue;
      if (Number.parseInt(fields[2]!.split(':')[1]!, 16) !== port) continue;
      ports.push(Number.parseInt(fields[1]!.split(':')[1]!, 16));
    }
  }
  return ports;
}

const MB = 2 ** 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Stream {
  /** Resolves when the server ends the stream (an error unless we dropped it first). */
  ended: Promise<string | null>;
  drop(): void;
}

/** A graphql-sse stream over fetch: one POST whose response is `event: next` blocks. */
function sseSubscribe(origin: string, operation: Operation, onEvent: (payload: any) => void): Stream {
  const controller = new AbortController();
  const ended = (async () => {
    const init = requestInit(operation);
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { ...init.headers, accept: 'text/event-stream' },
      body: init.body,
      signal: controller.signal,
    });
    if (response.status !== 200) return `SSE HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    for await (const { event, data } of sseEvents(response.body!)) {
      if (event === 'complete') return 'SSE stream completed by the server';
      if (event === 'next' && data) onEvent(data);
    }
    return 'SSE stream ended by the server';
  })().catch((error: unknown) => (controller.signal.aborted ? null : `SSE: ${String(error)}`));
  return { ended, drop: () => controller.abort() };
}

/** graphql-transport-ws: init, ack, one subscription; dropped by `complete` then close, or by cutting the socket. */
function wsSubscribe(origin: string, operation: Operation, onEvent: (payload: any) => void, abrupt: boolean): Stream {
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  let dropped = false;
  const ended = new Promise<string | null>((resolve) => {
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${operation.token}` } })),
    );
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.type === 'connection_ack') {
        socket.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: operation.query, variables: operation.variables },
          }),
        );
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type === 'next') {
        onEvent(message.payload);
      } else if (message.type === 'error') {
        resolve(`WebSocket error: ${JSON.stringify(message.payload).slice(0, 200)}`);
      } else if (message.type === 'complete') {
        resolve(dropped ? null : 'WebSocket subscription completed by the server');
      }
    });
    socket.on('error', (error) => resolve(dropped ? null : `WebSocket: ${String(error)}`));
    socket.on('close', (code) => resolve(dropped ? null : `WebSocket closed by the server (${code})`));
  });
  return {
    ended,
    drop() {
      dropped = true;
      if (abrupt || socket.readyState !== WebSocket.OPEN) {
        socket.terminate();
        return;
      }
      socket.send(JSON.stringify({ id: '1', type: 'complete' }));
      socket.close(1000);
    },
  };
}

interface Tally {
  latencies: number[][];
  errors: number[];
  subscriptionsOpened: number[];
  subscriptionErrors: number[];
  liveEvents: number[];
  messages: Map<string, number>;
  replayed: number;
  byTransport: Record<string, number>;
}

/**
 * Issue 28's soak: a fixed request rate (open loop: each request leaves at its scheduled time
 * whatever is still in flight, and its latency runs from that time) of reads and writes over two
 * server processes on one database, with subscribers connecting over SSE and WebSocket, replaying
 * from a sequence number, receiving live events and dropping, for `--minutes`. Each minute records
 * latency, errors, and each process's memory after its own major collections (noted through the inspector);
 * at the end, that every subscription and database connection was given back.
 */
export const SOAK: Workload = {
  id: 'SOAK',
  title: 'soak: mixed reads, writes and subscription churn at a fixed rate on two server processes',
  kind: 'write',
  needs: [
    'Query.feed',
    'Query.leaderboard',
    'Mutation.logWorkout',
    'Mutation.likeWorkout',
    'Mutation.unlikeWorkout',
    'Mutation.sendMessage',
    'Mutation.follow',
    'Mutation.unfollow',
    'Subscription.messageAdded',
    'Subscription.notificationAdded',
  ],
  async prepare(ctx) {
    if (!ctx.secondServer || !ctx.soak) return 'the harness cannot start server processes of its own';
    const { minutes, rate } = ctx.soak;
    const subjects = await pickSubjects(ctx.sql);
    if (typeof subjects === 'string') return subjects;
    const [{ port }] = await ctx.sql<[{ port: number }]>`select inet_server_port() as port`;

    const servers: RunningServer[] = [];
    const inspectors: Awaited<ReturnType<typeof openInspector>>[] = [];
    try {
      for (let i = 0; i < 2; i += 1) {
        const server = await ctx.secondServer({
          nodeArgs: ['--inspect=127.0.0.1:0', ...(ctx.soak.serverNodeArgs ?? [])],
        });
        servers.push(server);
        inspectors.push(await openInspector(server.output));
        ctx.log(`SOAK: server ${i + 1} ${server.origin} (pid ${server.pid})`);
      }
      const run = await soak(ctx, subjects, servers, inspectors, { minutes, rate, port });
      return {
        subjects: {
          servers: 2,
          rate: `${rate} requests/s`,
          subscribers: `one every ${SUBSCRIBE_EVERY_MS} ms, 8-20 s each`,
          minutes,
          warmUpSeconds: ctx.soak.warmUpSeconds,
        },
        cases: [],
        notes: [],
        metrics: soakMetrics(run),
        soak: run,
      };
    } finally {
      for (const inspector of inspectors) inspector.close();
      await Promise.all(servers.map((server) => server.stop()));
    }
  },
};

async function soak(
  ctx: BenchContext,
  subjects: Subjects,
  servers: RunningServer[],
  inspectors: Awaited<ReturnType<typeof openInspector>>[],
  options: { minutes: number; rate: number; port: number },
): Promise<SoakRun> {
  const { minutes, rate } = options;
  const tally: Tally = {
    latencies: Array.from({ length: minutes }, () => []),
    errors: Array(minutes).fill(0),
    subscriptionsOpened: Array(minutes).fill(0),
    subscriptionErrors: Array(minutes).fill(0),
    liveEvents: Array(minutes).fill(0),
    messages: new Map(),
    replayed: 0,
    byTransport: {},
  };
  const fail = (minute: number, message: string, subscription = false) => {
    const key = message.replace(/\d+/g, 'N');
    if (!tally.messages.has(key)) {
      ctx.log(`SOAK error: ${message}`);
      // A masked error says nothing; what the server logged about it does.
      if (message.includes('INTERNAL_SERVER_ERROR'))
        setTimeout(() => {
          for (const server of servers)
            for (const line of server
              .output()
              .split('\n')
              .filter((l) => /"level":(50|60)/.test(l))
              .slice(-3))
              ctx.log(`SOAK server log: ${line.slice(0, 1500)}`);
        }, 500);
    }
    tally.messages.set(key, (tally.messages.get(key) ?? 0) + 1);
    if (minute < 0) return;
    if (subscription) tally.subscriptionErrors[minute]! += 1;
    else tally.errors[minute]! += 1;
  };
  const tokens = new Map<number, string>();
  const token = async (userId: number) => {
    let t = tokens.get(userId);
    if (!t) {
      t = await ctx.token(userId);
      tokens.set(userId, t);
    }
    return t;
  };
  for (const id of subjects.actors) await token(id);
  const nextFeedViewer = rotate(subjects.feedViewers.map(Number));
  const nextProfile = rotate(subjects.profiles);
  const nextWorkout = rotate(subjects.workouts);
  const nextBoard = rotate(['XP_ALL_TIME', 'VOLUME_THIS_WEEK']);
  const nextConversation = rotate(subjects.conversations);
  const nextAthlete = rotate(subjects.athletes);
  const memberTurn = new Map<number, number>();
  const memberOf = (conversation: Subjects['conversations'][number]) => {
    const turn = memberTurn.get(conversation.id) ?? 0;
    memberTurn.set(conversation.id, turn + 1);
    return conversation.members[turn % conversation.members.length]!;
  };
  const likes: LikePair[] = [];
  const followed: FollowPair[] = [];
  let sent = 0;

  /** The operation for one slot, and what to remember once it succeeds. */
  const operationFor = (kind: Kind): { operation: Operation; done?: () => void } => {
    const op = (query: string, variables: Record<string, unknown>, userId: number): Operation => ({
      query,
      variables,
      token: tokens.get(userId)!,
    });
    sent += 1;
    switch (kind) {
      case 'feed':
        return { operation: op(FEED, {}, nextFeedViewer()) };
      case 'profile':
        return { operation: op(PROFILE, { id: nextProfile() }, subjects.reader) };
      case 'workout':
        return { operation: op(WORKOUT, { id: nextWorkout() }, subjects.reader) };
      case 'leaderboard':
        return { operation: op(LEADERBOARD, { kind: nextBoard() }, subjects.reader) };
      case 'messages': {
        const conversation = nextConversation();
        return { operation: op(MESSAGES, { id: conversation.gid }, memberOf(conversation)) };
      }
      case 'logWorkout': {
        const input = {
          title: `Soak session ${sent}`,
          startedAt: new Date(Date.now() - 3_600_000).toISOString(),
          durationSeconds: 3000,
          sets: Array.from({ length: 3 }, (_, i) => ({
            exerciseId: subjects.exercises[(sent + i) % subjects.exercises.length]!,
            reps: 5 + i,
            weightKg: 40 + (sent % 10) * 5,
          })),
        };
        return { operation: op(LOG_WORKOUT, { input }, nextAthlete()) };
      }
      case 'unlike': {
        const like = likes.shift();
        if (like)
          return {
            operation: op(UNLIKE, { input: { workoutId: like.workout } }, like.liker),
            done: () => subjects.likePairs.release(like),
          };
        return operationFor('like');
      }
      case 'like': {
        const pair = subjects.likePairs.next();
        if (!pair) throw new Error('every like pair is held');
        return {
          operation: op(LIKE, { input: { workoutId: pair.workout } }, pair.liker),
          done: () => likes.push(pair),
        };
      }
      case 'sendMessage': {
        const conversation = nextConversation();
        const input = { conversationId: conversation.gid, body: `Soak message ${sent}: same time tomorrow?` };
        return { operation: op(SEND, { input }, memberOf(conversation)) };
      }
      case 'unfollow': {
        const pair = followed.shift();
        if (pair)
          return {
            operation: op(UNFOLLOW, { input: { userId: gid('User', pair.followee) } }, pair.follower),
            done: () => subjects.followPairs.release(pair),
          };
        return operationFor('follow');
      }
      case 'follow': {
        const pair = subjects.followPairs.next();
        if (!pair) throw new Error('every follow pair is held');
        return {
          operation: op(FOLLOW, { input: { userId: gid('User', pair.followee) } }, pair.follower),
          done: () => followed.push(pair),
        };
      }
    }
  };

  const cycle = mixCycle(MIX) as Kind[];
  const interval = 1000 / rate;
  const started = performance.now() + 100;
  // Load before the measured minutes, thrown away: V8 optimizes the request path (at 40 requests/s
  // its compiled code stops growing after about 4 minutes) and caches fill.
  const warmUpSeconds = ctx.soak?.warmUpSeconds ?? 300;
  const measuredFrom = started + warmUpSeconds * 1000;
  const minuteOf = (at: number) =>
    at < measuredFrom ? -1 : Math.min(minutes - 1, Math.floor((at - measuredFrom) / 60_000));

  async function request(slot: number, scheduledAt: number) {
    const minute = minuteOf(scheduledAt);
    const kind = cycle[slot % cycle.length]!;
    // Alternate servers, shifted each pass so that every kind reaches both.
    const server = servers[(slot + Math.floor(slot / cycle.length)) % 2]!;
    try {
      const { operation, done } = operationFor(kind);
      const response = await fetch(`${server.origin}/graphql`, {
        method: 'POST',
        ...requestInit(operation),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      const latency = performance.now() - scheduledAt;
      const failure = failureOf(response.status, body);
      if (failure) fail(minute, `${kind}: ${failure}`);
      else done?.();
      if (minute >= 0) tally.latencies[minute]!.push(latency);
    } catch (error) {
      fail(minute, `${kind}: ${String(error)}`);
    }
  }

  const live = new Set<{ drop: () => void }>();
  let stopping = false;
  async function subscriber(n: number) {
    const minute = minuteOf(performance.now());
    const onMessages = Math.floor(n / 4) % 2 === 0;
    const transport = Math.floor(n / 2) % 2 === 0 ? 'sse' : 'websocket';
    const server = servers[n % 2]!;
    let userId: number;
    let last: number;
    let operation: Operation;
    if (onMessages) {
      const conversation = subjects.conversations[Math.floor(n / 8) % subjects.conversations.length]!;
      userId = memberOf(conversation);
      [{ last }] = await ctx.sql<[{ last: number }]>`/* soak:lastMessage */
        select last_sequence_number as last from conversations where id = ${conversation.id}`;
      operation = {
        query: MESSAGE_ADDED,
        variables: { id: conversation.gid, after: Math.max(0, last - REPLAY) },
        token: '',
      };
    } else {
      userId = subjects.owners[Math.floor(n / 8) % subjects.owners.length]!;
      const [state] = await ctx.sql<{ last: number }[]>`/* soak:lastNotification */
        select last_sequence_number as last from notification_states where user_id = ${userId}`;
      last = state?.last ?? 0;
      operation = { query: NOTIFICATION_ADDED, variables: { after: Math.max(0, last - REPLAY) }, token: '' };
    }
    operation.token = await token(userId);
    const after = Math.max(0, last - REPLAY);
    const replay = last - after;
    let expected = after + 1;
    let received = 0;
    let problem: string | null = null;
    const field = onMessages ? 'messageAdded' : 'notificationAdded';
    const onEvent = (payload: { data?: Record<string, { sequenceNumber: number }>; errors?: unknown[] }) => {
      const sequence = payload.data?.[field]?.sequenceNumber;
      if (payload.errors?.length || sequence === undefined) {
        problem ??= `${field} event with errors: ${JSON.stringify(payload.errors ?? payload).slice(0, 200)}`;
        return;
      }
      if (sequence !== expected) problem ??= `${field} sent ${sequence} where ${expected} was next (a gap or a repeat)`;
      expected = sequence + 1;
      received += 1;
      if (received > replay) {
        const now = minuteOf(performance.now());
        if (now >= 0) tally.liveEvents[now]! += 1;
      }
    };
    const stream =
      transport === 'sse'
        ? sseSubscribe(server.origin, operation, onEvent)
        : wsSubscribe(server.origin, operation, onEvent, n % 3 === 0);
    tally.byTransport[`${transport} ${field}`] = (tally.byTransport[`${transport} ${field}`] ?? 0) + 1;
    if (minute >= 0) tally.subscriptionsOpened[minute]! += 1;
    const lifetime = 8_000 + ((n * 7) % 13) * 1_000;
    let dropNow: () => void = () => undefined;
    const dropped = new Promise<null>((resolve) => {
      const timer = setTimeout(() => resolve(null), lifetime);
      dropNow = () => {
        clearTimeout(timer);
        resolve(null);
      };
    });
    const handle = { drop: dropNow };
    live.add(handle);
    if (stopping) dropNow();
    const endedEarly = await Promise.race([stream.ended, dropped]);
    live.delete(handle);
    stream.drop();
    const at = minuteOf(performance.now());
    if (endedEarly) problem ??= endedEarly;
    if (received < replay) problem ??= `${field} replayed ${received} of ${replay} events in ${lifetime / 1000} s`;
    tally.replayed += Math.min(received, replay);
    if (problem) fail(Math.max(minute, at), `${transport}: ${problem}`, true);
  }

  // Memory at each minute's end: /metrics as the process runs (garbage included), then full collections.
  const scrape = async (server: RunningServer) => {
    const text = await (await fetch(`${server.origin}/metrics`)).text();
    return {
      rss: seriesSum(text, 'process_resident_memory_bytes'),
      heap: seriesSum(text, 'nodejs_heap_size_used_bytes'),
      subscriptions: seriesSum(text, 'spotter_subscriptions_live'),
      poolInUse: seriesSum(text, 'spotter_db_pool_in_use'),
      poolSize: seriesSum(text, 'spotter_db_pool_size'),
    };
  };
  const inMb = (memory: Memory) => ({
    heapAfterGcMb: memory.heapUsed / MB,
    rssAfterGcMb: memory.rss / MB,
    spacesAfterGcMb: Object.fromEntries(Object.entries(memory.spaces).map(([space, bytes]) => [space, bytes / MB])),
  });
  const collected = async (i: number) => inMb(await inspectors[i]!.memory());
  // Forced before any load only: under load, each forced collection made V8 recompile the hot code.
  const start = [await collected(0), await collected(1)];
  for (const inspector of inspectors) await inspector.watchMajorCollections();
  let heapReadingsForced = 0;
  /** The heap after the server's own major collections since the last reading; forced only if it ran none. */
  const afterOwnCollections = async (i: number) => {
    const floor = await inspectors[i]!.heapFloor();
    if (floor) return inMb(floor);
    heapReadingsForced += 1;
    return collected(i);
  };
  const probe = startCoreSpeedProbe();
  const snapshotDir = ctx.soak?.heapSnapshots ?? null;
  if (snapshotDir) mkdirSync(snapshotDir, { recursive: true });
  const snapshot = async (label: string) => {
    if (!snapshotDir) return;
    const path = join(snapshotDir, `soak-server-1-${label}.heapsnapshot`);
    const since = performance.now();
    await inspectors[0]!.heapSnapshot(path);
    ctx.log(`SOAK: heap snapshot ${path} in ${((performance.now() - since) / 1000).toFixed(1)} s`);
  };
  // Mid-run too, so the growth of the run's second half can be told from its first's.
  const midSnapshotAfter = minutes >= 4 ? Math.round(minutes / 2) : null;
  const profileDir = ctx.soak?.cpuProfiles ?? null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const profileMinutes = Math.min(5, Math.floor(minutes / 3));
  let stopProfile: ((path: string) => Promise<void>) | null = null;
  const profileWindow = async (reading: number) => {
    if (!profileDir || profileMinutes < 1) return;
    if (stopProfile && (reading === profileMinutes || reading === minutes)) {
      const path = join(profileDir, `soak-server-1-minutes-${reading - profileMinutes + 1}-${reading}.cpuprofile`);
      await stopProfile(path);
      stopProfile = null;
      ctx.log(`SOAK: CPU profile ${path}`);
    }
    if (reading === 0 || reading === minutes - profileMinutes) {
      stopProfile = await inspectors[0]!.startCpuProfile(PROFILE_SAMPLING_MICROSECONDS);
    }
  };
  const postmasterPid = ctx.soak?.postmasterPid ?? null;
  const machineNow = () => ({
    at: performance.now(),
    busy: machineBusyMs(),
    servers: servers.reduce((sum, server) => sum + processCpuMs(server.pid), 0),
    postgres: postmasterPid ? clusterCpuMs(postmasterPid) : Number.NaN,
    loadGenerator: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  });
  let machineBefore = machineNow();
  const machine: SoakMachineMinute[] = [];
  const minuteRows: SoakServerMinute[][] = [];
  let afterWarmUp: SoakServerMinute[] = [];
  /** Reading 0 ends the warm-up, reading k minute k: each measured minute starts with the same collections. */
  let cpuBefore: number[] = [];
  const loads: number[] = [];
  async function minuteEnd(reading: number) {
    const cpu = servers.map((server) => processCpuMs(server.pid));
    const machineAfter = machineNow();
    const speeds = probe.take().sort((a, b) => a - b);
    if (reading > 0) {
      machine[reading - 1] = {
        busyPercentOfCore: ((machineAfter.busy - machineBefore.busy) / (machineAfter.at - machineBefore.at)) * 100,
        serversCpuMs: machineAfter.servers - machineBefore.servers,
        postgresCpuMs: postmasterPid ? machineAfter.postgres - machineBefore.postgres : null,
        loadGeneratorCpuMs: machineAfter.loadGenerator - machineBefore.loadGenerator,
        coreSpeedMs: speeds[Math.floor(speeds.length / 2)] ?? Number.NaN,
      };
    }
    machineBefore = machineAfter;
    const served = (tally.latencies[reading - 1]?.length ?? 0) / servers.length;
    if (reading > 0) loads[reading - 1] = loadavg()[0]!;
    const rows: SoakServerMinute[] = [];
    for (const [i, server] of servers.entries()) {
      const gauges = await scrape(server);
      rows.push({
        rssMb: gauges.rss / MB,
        heapUsedMb: gauges.heap / MB,
        ...(await afterOwnCollections(i)),
        ...(reading > 0 && served > 0 ? { cpuMsPerRequest: (cpu[i]! - cpuBefore[i]!) / served } : {}),
      });
    }
    cpuBefore = cpu;
    if (reading === 0) {
      afterWarmUp = rows;
      await snapshot('warm-up-end');
      await profileWindow(reading);
      return;
    }
    await profileWindow(reading);
    if (reading === midSnapshotAfter && reading < minutes) await snapshot(`minute-${reading}`);
    const index = reading - 1;
    minuteRows[index] = rows;
    const sorted = tally.latencies[index]!.slice().sort((a, b) => a - b);
    const m = machine[index]!;
    ctx.log(
      `SOAK minute ${index + 1}: ${sorted.length} requests, p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
        `machine ${m.busyPercentOfCore.toFixed(0)}% of a core (servers ${(m.serversCpuMs / 600).toFixed(0)}, ` +
        `PostgreSQL ${((m.postgresCpuMs ?? Number.NaN) / 600).toFixed(0)}, load ${(m.loadGeneratorCpuMs / 600).toFixed(0)}), ` +
        `core probe ${m.coreSpeedMs.toFixed(2)} ms, ` +
        `p99 ${percentile(sorted, 99).toFixed(1)} ms, ${tally.errors[index]} errors, ` +
        `${tally.subscriptionsOpened[index]} subscriptions (${tally.subscriptionErrors[index]} failed), ` +
        `heap after GC ${rows.map((r) => r.heapAfterGcMb.toFixed(1)).join(' / ')} MB, ` +
        `RSS ${rows.map((r) => r.rssMb.toFixed(0)).join(' / ')} MB`,
    );
  }

  ctx.log(
    `SOAK: ${rate} requests/s for ${warmUpSeconds} s of warm-up and ${minutes} minute${minutes === 1 ? '' : 's'}, ` +
      `a subscriber every ${SUBSCRIBE_EVERY_MS} ms`,
  );
  const inflight = new Set<Promise<void>>();
  const track = (promise: Promise<void>) => {
    inflight.add(promise);
    void promise.finally(() => inflight.delete(promise));
  };
  const readings: Promise<void>[] = [];
  let slot = 0;
  let subscribers = 0;
  while (readings.length <= minutes) {
    const now = performance.now();
    while (started + slot * interval <= now) {
      track(request(slot, started + slot * interval));
      slot += 1;
    }
    while (started + subscribers * SUBSCRIBE_EVERY_MS <= now) {
      track(subscriber(subscribers));
      subscribers += 1;
    }
    // The last minute is read before the load stops too, so every reading holds the same live state.
    if (now >= measuredFrom + readings.length * 60_000) readings.push(minuteEnd(readings.length));
    await sleep(Math.max(1, started + slot * interval - performance.now()));
  }
  await Promise.all(readings);

  // The load stops: requests in flight finish, and every subscriber drops now.
  stopping = true;
  const stoppedAt = performance.now();
  await probe.stop();
  for (const handle of live) handle.drop();
  while (inflight.size > 0) await Promise.allSettled([...inflight]);
  ctx.log(`SOAK: load stopped, clients gone after ${((performance.now() - stoppedAt) / 1000).toFixed(1)} s`);

  let releasedWithinSeconds: number | null = null;
  let gauges = await Promise.all(servers.map(scrape));
  const released = () => gauges.every((g) => g.subscriptions === 0 && g.poolInUse === 0);
  for (let waited = 0; waited < 15_000 && !released(); waited += 250) {
    await sleep(250);
    gauges = await Promise.all(servers.map(scrape));
  }
  if (released()) releasedWithinSeconds = (performance.now() - stoppedAt) / 1000;
  // Every client is gone: what the first server allocated since the warm-up and still holds is kept, not in use.
  await snapshot('load-stopped');

  const backends: number[][] = [];
  const after: SoakRun['after'] = [];
  for (const [i, server] of servers.entries()) {
    const ports = clientPortsOf(server.pid, options.port);
    const rows = await ctx.sql<{ pid: number; state: string | null }[]>`/* soak:serverConnections */
      select pid, state from pg_stat_activity
       where datname = current_database() and client_port = any(${ports}::int[])`;
    backends.push(rows.map((r) => r.pid));
    const connections: Record<string, number> = {};
    for (const row of rows) connections[row.state ?? 'unknown'] = (connections[row.state ?? 'unknown'] ?? 0) + 1;
    after.push({
      subscriptionsLive: gauges[i]!.subscriptions,
      poolInUse: gauges[i]!.poolInUse,
      poolSize: gauges[i]!.poolSize,
      connections,
      connectionsAfterStop: Number.NaN,
    });
  }
  for (const [i, server] of servers.entries()) {
    // A process started with --inspect waits at exit for its debugger to disconnect.
    inspectors[i]!.close();
    const since = performance.now();
    await server.stop();
    ctx.log(`SOAK: server ${i + 1} stopped in ${((performance.now() - since) / 1000).toFixed(1)} s`);
  }
  for (const [i, pids] of backends.entries()) {
    let left = pids.length;
    for (let waited = 0; waited < 10_000 && left > 0; waited += 250) {
      await sleep(250);
      [{ left }] = await ctx.sql<[{ left: number }]>`/* soak:connectionsLeft */
        select count(*)::int as left from pg_stat_activity where pid = any(${pids}::int[])`;
    }
    after[i]!.connectionsAfterStop = left;
  }

  const minutesOut: SoakMinute[] = tally.latencies.map((latencies, minute) => {
    const sorted = latencies.slice().sort((a, b) => a - b);
    return {
      minute: minute + 1,
      requests: sorted.length,
      errors: tally.errors[minute]!,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      subscriptionsOpened: tally.subscriptionsOpened[minute]!,
      subscriptionErrors: tally.subscriptionErrors[minute]!,
      liveEvents: tally.liveEvents[minute]!,
      servers: minuteRows[minute] ?? [],
      loadAverage: loads[minute]!,
      machine: machine[minute],
    };
  });
  // Through the measured minutes only: the warm-up's reading spans the process's first seconds too,
  // when it had compiled and cached less, so it is shown but is not a minute like the others.
  const fits = (pick: (row: SoakServerMinute) => number) =>
    servers.map((_, i) => leastSquares(minutesOut.map((m) => ({ x: m.minute, y: pick(m.servers[i]!) }))));
  return {
    minutes: minutesOut,
    rate,
    heapSnapshots: snapshotDir,
    heapReadingsForced,
    cpuProfiles: profileDir && profileMinutes >= 1 ? { dir: profileDir, minutesEach: profileMinutes } : null,
    serverNodeArgs: ctx.soak?.serverNodeArgs ?? [],
    start,
    afterWarmUp,
    heapFits: fits((row) => row.heapAfterGcMb),
    rssFits: fits((row) => row.rssMb),
    errorSamples: [...tally.messages.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([message, count]) => ({ message, count })),
    after,
    releasedWithinSeconds,
    subscriptions: {
      opened: subscribers,
      replayed: tally.replayed,
      live: tally.liveEvents.reduce((s, n) => s + n, 0),
      byTransport: tally.byTransport,
    },
  };
}

/** The figures the report's targets read (bench/report.ts). */
export function soakMetrics(run: SoakRun): Record<string, number> {
  const first = run.minutes[0];
  const last = run.minutes.at(-1);
  const heap = run.heapFits.filter((fit): fit is Fit => fit !== null);
  const errors = run.minutes.reduce((s, m) => s + m.errors + m.subscriptionErrors, 0);
  return {
    errors,
    requests: run.minutes.reduce((s, m) => s + m.requests, 0),
    ...(first && last && run.minutes.length > 1 && !run.heapSnapshots && !run.cpuProfiles
      ? { p99LastOverFirst: last.p99 / first.p99 }
      : {}),
    ...(heap.length === run.heapFits.length && heap.length > 0
      ? {
          heapSlopeWithinNoise: heap.every(withinNoise) ? 1 : 0,
          heapSlopeMbPerMinute: Math.max(...heap.map((fit) => fit.slope)),
        }
      : {}),
    subscriptionsLiveAfter: run.after.reduce((s, a) => s + a.subscriptionsLive, 0),
    connectionsBusyAfter: run.after.reduce(
      (s, a) =>
        s +
        a.poolInUse +
        Object.entries(a.connections).reduce((n, [state, count]) => n + (state === 'idle' ? 0 : count), 0),
      0,
    ),
    connectionsOverPoolAfter: run.after.reduce(
      (s, a) => s + Math.max(0, Object.values(a.connections).reduce((n, c) => n + c, 0) - (a.poolSize + 1)),
      0,
    ),
    connectionsAfterStop: run.after.reduce((s, a) => s + a.connectionsAfterStop, 0),
    subscriptionsOpened: run.subscriptions.opened,
    liveEvents: run.subscriptions.live,
  };
}
