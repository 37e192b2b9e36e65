import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Operation } from './graphql';
import { measureHttp } from './measure';
import { CPU_LEVEL, median } from './speed';
import { type BenchContext, bigConversation, cursorAtDepth, gid, rotate, type Workload } from './workloads';

/*
 * Issue 10's comparison: the four reads a team would try against PostGraphile, in the shapes given
 * there (anonymous P1 and P4, a member's token for P2 and P3), plus what the framework costs alone.
 */
export const P0: Workload = {
  id: 'P0',
  title: 'baselines: `{ __typename }` through Spotter, and `{ ok }` through a bare Yoga with a one-field schema',
  kind: 'read',
  needs: [],
  async prepare() {
    const typename: Operation = { query: '{ __typename }', variables: {}, token: null };
    const ok: Operation = { query: '{ ok }', variables: {}, token: null };
    return {
      subjects: {},
      cases: [
        { name: 'Spotter { __typename }', next: () => typename, floor: false, speed: { against: 'spotter' } },
        { name: 'bare Yoga { ok }', next: () => ok, floor: false, speed: { against: 'bare-yoga' } },
      ],
      notes: [],
      metrics: {},
    };
  },
};

export const P1: Workload = {
  id: 'P1',
  title: 'W1 of issue 10: users(first: 20) { workouts(first: 10) { sets { exercise { name } } } }, anonymous',
  kind: 'read',
  needs: ['Query.users', 'User.workouts', 'Workout.sets', 'WorkoutSet.exercise'],
  async prepare() {
    const operation: Operation = {
      query: `query P1 { users(first: 20) { edges { node { id username displayName workouts(first: 10) { edges { node {
        id title startedAt totalVolumeKg sets { id position reps weightKg estimatedOneRepMaxKg exercise { id name } } } } } } } } }`,
      variables: {},
      token: null,
    };
    return {
      subjects: { users: 'the first 20 by username' },
      cases: [{ name: '20 users', next: () => operation, floor: true, speed: { against: 'spotter' } }],
      notes: [],
      metrics: {},
    };
  },
};

export const P2: Workload = {
  id: 'P2',
  title: 'W2 of issue 10: conversation { messages(last: 100) { sender reactions } }, as a member',
  kind: 'read',
  needs: ['Query.conversation', 'Conversation.messages', 'Message.sender', 'Message.reactions'],
  async prepare(ctx) {
    const conversation = await bigConversation(ctx);
    if (!conversation) return 'no data: no conversation has messages';
    const operation: Operation = {
      query: `query P2($id: ID!) { conversation(id: $id) { id title messages(last: 100) { edges { cursor node {
        id sequenceNumber body createdAt editedAt sender { id username displayName }
        reactions { emoji count viewerHasReacted } } } pageInfo { hasPreviousPage startCursor } } } }`,
      variables: { id: gid('Conversation', conversation.id) },
      token: await ctx.token(conversation.members[0]!),
    };
    return {
      subjects: { conversation: conversation.id, messages: conversation.lastSequenceNumber },
      cases: [{ name: 'newest 100', next: () => operation, floor: true, speed: { against: 'spotter' } }],
      notes: [],
      metrics: {},
    };
  },
};

export const P3: Workload = {
  id: 'P3',
  title: 'W3 of issue 10: messages(first: 100, after: <cursor of #50,000>) { sender }, as a member',
  kind: 'read',
  needs: ['Query.conversation', 'Conversation.messages', 'Message.sender'],
  async prepare(ctx) {
    const conversation = await bigConversation(ctx);
    if (!conversation) return 'no data: no conversation has messages';
    const token = await ctx.token(conversation.members[0]!);
    const id = gid('Conversation', conversation.id);
    // The cursor of message #50,000 (or the middle of a smaller conversation), found by walking pages.
    const wanted = Math.min(50_000, Math.floor(conversation.lastSequenceNumber / 2 / 100) * 100);
    const walk = (after: string | null): Operation => ({
      query: `query P3Walk($id: ID!, $after: String) { conversation(id: $id) { messages(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } } } }`,
      variables: { id, after },
      token,
    });
    const deep = await cursorAtDepth(ctx, wanted, walk, (data) => data.conversation.messages);
    const operation: Operation = {
      query: `query P3($id: ID!, $after: String) { conversation(id: $id) { messages(first: 100, after: $after) {
        edges { cursor node { id sequenceNumber body createdAt sender { id username } } } pageInfo { hasNextPage endCursor } } } }`,
      variables: { id, after: deep.cursor },
      token,
    };
    return {
      subjects: { conversation: conversation.id, after: `message #${deep.depth.toLocaleString('en')}` },
      cases: [{ name: '100 after #50,000', next: () => operation, floor: true, speed: { against: 'spotter' } }],
      notes: deep.depth < 50_000 ? [`Only ${deep.depth} deep: the conversation is smaller than 100,000.`] : [],
      metrics: {},
    };
  },
};

/** W4's subjects: 20 users with at least 20 followers, rotated; null when the seed has none. */
async function popularProfiles(ctx: BenchContext): Promise<(() => Operation) | null> {
  const rows = await ctx.sql<{ username: string }[]>`/* bench:popular */
    select username from users where follower_count >= 20 order by hashint8(id) limit 20`;
  if (rows.length === 0) return null;
  const next = rotate(rows.map((row) => row.username));
  return () => ({
    query: `query P4($username: String!) { userByUsername(username: $username) { id username displayName country xp level
      workoutCount followerCount followingCount createdAt
      followers(first: 20) { edges { cursor node { id username displayName level } } pageInfo { hasNextPage endCursor } } } }`,
    variables: { username: next() },
    token: null,
  });
}

export const P4: Workload = {
  id: 'P4',
  title: 'W4 of issue 10: userByUsername { counters followers(first: 20) }, anonymous',
  kind: 'read',
  needs: ['Query.userByUsername', 'User.followers'],
  async prepare(ctx) {
    const next = await popularProfiles(ctx);
    if (!next) return 'no data: nobody has 20 followers';
    return {
      subjects: { users: '20 users with >= 20 followers, rotated' },
      cases: [{ name: 'profile', next, floor: true, speed: { against: 'spotter' } }],
      notes: [],
      metrics: {},
    };
  },
};

/**
 * Issue 13's budget: what /metrics (statement timing, request series) and the per-request JSON log line
 * cost on W4, the cheapest read, where any fixed per-request work shows most. The production server as
 * shipped against a second process with SPOTTER_METRICS=off and LOG_LEVEL=silent, same database,
 * alternating which goes first in each round.
 */
export const O1: Workload = {
  id: 'O1',
  title: 'cost of metrics and request logs on W4: production defaults vs SPOTTER_METRICS=off LOG_LEVEL=silent, c=8',
  kind: 'read',
  needs: ['Query.userByUsername', 'User.followers'],
  async prepare(ctx) {
    const next = await popularProfiles(ctx);
    if (!next) return 'no data: nobody has 20 followers';
    const { secondServer, load } = ctx;
    if (!secondServer || !load) return 'the harness cannot start a second server process';
    const bare = await secondServer({ env: { SPOTTER_METRICS: 'off', LOG_LEVEL: 'silent' } });
    const observed = { origin: ctx.origin, pid: load.pid, rps: [] as number[], cpu: [] as number[] };
    const unobserved = { origin: bare.origin, pid: bare.pid, rps: [] as number[], cpu: [] as number[] };
    try {
      for (let round = 1; round <= load.rounds; round += 1) {
        for (const side of round % 2 ? [observed, unobserved] : [unobserved, observed]) {
          const run = await measureHttp({
            origin: side.origin,
            next,
            connections: CPU_LEVEL,
            seconds: load.seconds,
            cpuPid: side.pid,
          });
          if (run.errors > 0) throw new Error(`${run.errors} failed requests against ${side.origin}`);
          side.rps.push(run.rps);
          side.cpu.push(run.cpuMsPerRequest ?? Number.NaN);
        }
        ctx.log(
          `O1 round ${round}: observed ${observed.rps.at(-1)!.toFixed(0)}/s, off ${unobserved.rps.at(-1)!.toFixed(0)}/s`,
        );
      }
    } finally {
      await bare.stop();
    }
    const rpsOn = median(observed.rps);
    const rpsOff = median(unobserved.rps);
    return {
      subjects: { users: '20 users with >= 20 followers, rotated', connections: CPU_LEVEL, rounds: load.rounds },
      cases: [],
      notes: ['Issue 13 asks for under 5 % fewer requests per second with metrics and logging on.'],
      metrics: {
        rpsMetricsAndLogsOn: rpsOn,
        rpsMetricsAndLogsOff: rpsOff,
        throughputCostPercent: ((rpsOff - rpsOn) / rpsOff) * 100,
        cpuMsPerRequestOn: median(observed.cpu),
        cpuMsPerRequestOff: median(unobserved.cpu),
      },
    };
  },
};

/** An OTLP/HTTP endpoint that accepts and drops what it is sent, counting the bytes. */
async function otlpSink() {
  let bytes = 0;
  let exports = 0;
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on('end', () => {
      exports += 1;
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    received: () => ({ bytes, exports }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Issue 28's figure: what OpenTelemetry traces cost on W4 (a span for the operation and one per
 * statement, exported over OTLP/HTTP protobuf to a local endpoint that drops them) against the same
 * server without OTEL_EXPORTER_OTLP_ENDPOINT, which is how it ships. Same database, alternating which
 * goes first in each round, c=8.
 */
export const T1: Workload = {
  id: 'T1',
  title: 'cost of OpenTelemetry traces on W4: OTEL_EXPORTER_OTLP_ENDPOINT set (every trace sampled) vs unset, c=8',
  kind: 'read',
  needs: ['Query.userByUsername', 'User.followers'],
  async prepare(ctx) {
    const next = await popularProfiles(ctx);
    if (!next) return 'no data: nobody has 20 followers';
    const { secondServer, load } = ctx;
    if (!secondServer || !load) return 'the harness cannot start a second server process';
    const sink = await otlpSink();
    const tracedServer = await secondServer({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url } });
    const off = { origin: ctx.origin, pid: load.pid, rps: [] as number[], cpu: [] as number[], p50: [] as number[] };
    const on = {
      origin: tracedServer.origin,
      pid: tracedServer.pid,
      rps: [] as number[],
      cpu: [] as number[],
      p50: [] as number[],
    };
    let requestsOn = 0;
    try {
      for (let round = 1; round <= load.rounds; round += 1) {
        for (const side of round % 2 ? [on, off] : [off, on]) {
          const run = await measureHttp({
            origin: side.origin,
            next,
            connections: CPU_LEVEL,
            seconds: load.seconds,
            cpuPid: side.pid,
          });
          if (run.errors > 0) throw new Error(`${run.errors} failed requests against ${side.origin}`);
          if (side === on) requestsOn += run.requests;
          side.rps.push(run.rps);
          side.cpu.push(run.cpuMsPerRequest ?? Number.NaN);
          side.p50.push(run.p50);
        }
        ctx.log(`T1 round ${round}: traces on ${on.rps.at(-1)!.toFixed(0)}/s, off ${off.rps.at(-1)!.toFixed(0)}/s`);
      }
    } finally {
      // Stopping flushes the last spans, so the bytes below cover every measured request.
      await tracedServer.stop();
      await sink.close();
    }
    const rpsOn = median(on.rps);
    const rpsOff = median(off.rps);
    const { bytes, exports } = sink.received();
    return {
      subjects: { users: '20 users with >= 20 followers, rotated', connections: CPU_LEVEL, rounds: load.rounds },
      cases: [],
      notes: [
        'The server as shipped has no OTLP endpoint set: it never loads the SDK. The traced process samples every trace (parentbased_always_on) and sends OTLP/HTTP protobuf to an endpoint in the bench process that drops it.',
      ],
      metrics: {
        rpsTracesOn: rpsOn,
        rpsTracesOff: rpsOff,
        throughputCostPercent: ((rpsOff - rpsOn) / rpsOff) * 100,
        cpuMsPerRequestOn: median(on.cpu),
        cpuMsPerRequestOff: median(off.cpu),
        p50MsOn: median(on.p50),
        p50MsOff: median(off.p50),
        exportedBytesPerRequest: requestsOn > 0 ? bytes / requestsOn : Number.NaN,
        exportRequests: exports,
      },
    };
  },
};

/** Run after the workloads of bench/workloads.ts, so `--only P1,P2` picks them like any other. */
export const speedWorkloads: Workload[] = [P0, P1, P2, P3, P4, O1, T1];
