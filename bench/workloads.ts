import type { Sql } from '../src/db/client';
import { encodeGlobalId } from '../src/graphql/ids';
import { mustExecute, type Operation } from './graphql';

/** What a workload gets to pick its subjects and talk to the server. */
export interface BenchContext {
  sql: Sql;
  origin: string;
  /** A bearer token for a user id (signed once, then cached). */
  token(userId: number): Promise<string>;
  users: number;
  log(line: string): void;
  /** The statement names one request issues, captured in process. */
  statements(operation: Operation): Promise<string[]>;
}

export interface Case {
  name: string;
  /** Called for every request, so a case can rotate subjects, senders and bodies. */
  next: () => Operation;
  /** Reads get a raw-SQL floor; writes would change the data they are compared on. */
  floor: boolean;
  /** Skip the saturated run (e.g. a page that only makes sense as a single-user latency). */
  saturate?: boolean;
  /**
   * Measured as issue 10 asks instead: concurrency 1, 8 and 32 in interleaved rounds against a raw-SQL
   * floor served over node:http (when `floor`), with response bytes and the server's CPU per request.
   * `bare-yoga` sends the case to a Yoga server with a one-field schema instead of Spotter.
   */
  speed?: { against: 'spotter' | 'bare-yoga' };
}

export interface Prepared {
  /** Who and what the workload runs on, for the report. */
  subjects: Record<string, string | number>;
  cases: Case[];
  notes: string[];
  /** Figures measured outside the load runs, such as a refresh time or a statement count. */
  metrics: Record<string, number>;
  /** Runs after the load; its figures join `metrics` (e.g. the gap-free check of W7). */
  after?: () => Promise<Record<string, number>>;
}

export interface Workload {
  id: string;
  title: string;
  kind: 'read' | 'write';
  /** Schema coordinates the workload's operations use; a missing one skips the workload. */
  needs: string[];
  /** Returns the cases, or a reason to skip when the data the workload needs is not there. */
  prepare(ctx: BenchContext): Promise<Prepared | string>;
}

export const gid = encodeGlobalId;

export function rotate<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

/** Follows `pageInfo.endCursor` until `depth` rows have been passed; returns the cursor there. */
export async function cursorAtDepth(
  ctx: BenchContext,
  depth: number,
  pageOf: (after: string | null) => Operation,
  connectionOf: (data: Record<string, any>) => { pageInfo: { endCursor: string | null; hasNextPage: boolean } },
): Promise<{ cursor: string | null; depth: number }> {
  let after: string | null = null;
  let passed = 0;
  while (passed < depth) {
    const { data } = await mustExecute(ctx.origin, pageOf(after));
    const { pageInfo } = connectionOf(data!);
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) break;
    after = pageInfo.endCursor;
    passed += 100;
  }
  return { cursor: after, depth: passed };
}

const W0: Workload = {
  id: 'W0',
  title: 'baseline: an empty query, a users search page, and the muscle catalogue with exercises and activations',
  kind: 'read',
  needs: ['Query.users', 'Query.muscles', 'Muscle.exercises', 'Exercise.activations', 'MuscleActivation.muscle'],
  async prepare(ctx) {
    const [viewer] = await ctx.sql<{ id: number }[]>`/* bench:anyUser */ select id from users order by id limit 1`;
    if (!viewer) return 'no users';
    const token = await ctx.token(viewer.id);
    const searches = ['athlete1', 'athlete2', 'athlete3', 'alex', 'kim', 'ria'];
    const nextSearch = rotate(searches);
    const users: Operation = {
      query: `query B0Users($search: String) { users(first: 20, search: $search) {
        edges { cursor node { id username displayName country level followerCount } } pageInfo { hasNextPage endCursor } } }`,
      variables: { search: 'athlete1' },
      token,
    };
    const catalogue: Operation = {
      query: `query B0Catalogue { muscles { id name exercises(first: 10) { edges { node { id name
        activations { activation muscle { id name } } } } } } }`,
      variables: {},
      token,
    };
    return {
      subjects: { viewer: viewer.id, searches: searches.join(', ') },
      cases: [
        // No resolver and no SQL: what HTTP, Yoga, parsing, validation and JSON cost on their own.
        { name: '{ __typename }', next: () => ({ query: '{ __typename }', variables: {}, token }), floor: false },
        { name: 'users search', next: () => ({ ...users, variables: { search: nextSearch() } }), floor: true },
        { name: 'catalogue', next: () => catalogue, floor: true },
      ],
      notes: [],
      metrics: {},
    };
  },
};

const W1_QUERY = `query W1($ids: [ID!]!) { nodes(ids: $ids) { ... on User { id username
  workouts(first: 10) { edges { node { id title startedAt totalVolumeKg
    sets { position reps weightKg exercise { id name activations { activation muscle { id name } } } } } } } } } }`;

const W1: Workload = {
  id: 'W1',
  title: 'nested read: 20 users, their 10 newest workouts, sets, exercise, activations, muscle names',
  kind: 'read',
  needs: [
    'Query.nodes',
    'User.workouts',
    'Workout.sets',
    'WorkoutSet.exercise',
    'Exercise.activations',
    'MuscleActivation.muscle',
  ],
  async prepare(ctx) {
    // Users with at least 10 workouts, so every page is full; the most active ones when there are too few.
    const rows = await ctx.sql<{ id: number; workoutCount: number }[]>`/* bench:activeUsers */
      select id, workout_count from users where workout_count > 0
       order by least(workout_count, 10) desc, hashint8(id) limit 200`;
    if (rows.length < 20) return `no data: only ${rows.length} users have workouts`;
    const fewest = Math.min(...rows.map((r) => r.workoutCount));
    const groups: string[][] = [];
    for (let i = 0; i + 20 <= rows.length; i += 20) groups.push(rows.slice(i, i + 20).map((r) => gid('User', r.id)));
    const token = await ctx.token(rows[0]!.id);
    const operation = (ids: string[]): Operation => ({ query: W1_QUERY, variables: { ids }, token });
    const five = await ctx.statements(operation(groups[0]!.slice(0, 5)));
    const twenty = await ctx.statements(operation(groups[0]!));
    const nextGroup = rotate(groups);
    return {
      subjects: {
        users: `${groups.length} groups of 20 of the most active users (>= ${fewest} workouts each), rotated`,
      },
      cases: [{ name: '20 users', next: () => operation(nextGroup()), floor: true }],
      notes: [
        `Statements for 5 users: ${five.join(', ')}`,
        ...(fewest < 10 ? [`Some chosen users have only ${fewest} workouts: the seed has too few users with 10.`] : []),
      ],
      metrics: {
        statements5Users: five.length,
        statements20Users: twenty.length,
      },
    };
  },
};

interface BigConversation {
  id: number;
  lastSequenceNumber: number;
  members: number[];
}

export async function bigConversation(ctx: BenchContext): Promise<BigConversation | null> {
  const [conversation] = await ctx.sql<{ id: number; lastSequenceNumber: number }[]>`/* bench:bigConversation */
    select id, last_sequence_number from conversations order by last_sequence_number desc limit 1`;
  if (!conversation || conversation.lastSequenceNumber === 0) return null;
  const members = await ctx.sql<{ userId: number }[]>`/* bench:bigConversationMembers */
    select user_id from conversation_members where conversation_id = ${conversation.id} order by user_id limit 200`;
  return { ...conversation, members: members.map((m) => m.userId) };
}

const W2: Workload = {
  id: 'W2',
  title: 'history: the newest 100 messages of the biggest conversation, with sender and reactions',
  kind: 'read',
  needs: ['Query.conversation', 'Conversation.messages', 'Message.sender', 'Message.reactions'],
  async prepare(ctx) {
    const conversation = await bigConversation(ctx);
    if (!conversation) return 'no data: no conversation has messages';
    const token = await ctx.token(conversation.members[0]!);
    const operation: Operation = {
      query: `query W2($id: ID!) { conversation(id: $id) { id title messages(last: 100) { edges { cursor node {
        id sequenceNumber body createdAt editedAt sender { id username displayName }
        reactions { emoji count viewerHasReacted } } } pageInfo { hasPreviousPage startCursor } } } }`,
      variables: { id: gid('Conversation', conversation.id) },
      token,
    };
    return {
      subjects: {
        conversation: conversation.id,
        messages: conversation.lastSequenceNumber,
        viewer: conversation.members[0]!,
      },
      cases: [{ name: 'newest 100', next: () => operation, floor: true }],
      notes:
        conversation.lastSequenceNumber < 100_000
          ? [`The biggest conversation has ${conversation.lastSequenceNumber} messages, not 100,000.`]
          : [],
      metrics: {},
    };
  },
};

const W3: Workload = {
  id: 'W3',
  title: 'deep page: 100 messages starting 50,000 deep, and the first 100, side by side',
  kind: 'read',
  needs: ['Query.conversation', 'Conversation.messages', 'Message.sender'],
  async prepare(ctx) {
    const conversation = await bigConversation(ctx);
    if (!conversation) return 'no data: no conversation has messages';
    const token = await ctx.token(conversation.members[0]!);
    const id = gid('Conversation', conversation.id);
    const page = (after: string | null): Operation => ({
      query: `query W3($id: ID!, $after: String) { conversation(id: $id) { messages(first: 100, after: $after) {
        edges { cursor node { id sequenceNumber body createdAt sender { id username } } }
        pageInfo { hasNextPage endCursor } } } }`,
      variables: { id, after },
      token,
    });
    const wanted = Math.min(50_000, Math.floor((conversation.lastSequenceNumber - 100) / 100) * 100);
    ctx.log(`W3: walking ${wanted / 100} pages to reach ${wanted.toLocaleString('en')} deep`);
    const walk = (after: string | null): Operation => ({
      query: `query W3Walk($id: ID!, $after: String) { conversation(id: $id) { messages(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } } } }`,
      variables: { id, after },
      token,
    });
    const deep = await cursorAtDepth(ctx, wanted, walk, (data) => data.conversation.messages);
    const check = await mustExecute(ctx.origin, page(deep.cursor));
    const firstSeq = check.data!.conversation.messages.edges[0]?.node.sequenceNumber ?? null;
    return {
      subjects: { conversation: conversation.id, depth: deep.depth, deepPageStartsAtSequence: firstSeq ?? 'none' },
      cases: [
        { name: 'first 100', next: () => page(null), floor: true },
        { name: `100 at ${deep.depth.toLocaleString('en')} deep`, next: () => page(deep.cursor), floor: true },
      ],
      notes: deep.depth < 50_000 ? [`Only ${deep.depth} messages deep: the conversation is smaller than 50,100.`] : [],
      metrics: {},
    };
  },
};

const W4: Workload = {
  id: 'W4',
  title: 'profile: a user with counters, stats(days: 30), exerciseProgress, 20 followers',
  kind: 'read',
  needs: ['Query.user', 'User.stats', 'User.exerciseProgress', 'User.followers'],
  async prepare(ctx) {
    const rows = await ctx.sql<{ userId: number; exerciseId: number }[]>`/* bench:profiles */
      with chosen as (
        select id from users where follower_count >= 20 and workout_count > 0 order by workout_count desc limit 20
      )
      select c.id as user_id, (
        select s.exercise_id from workouts w join workout_sets s on s.workout_id = w.id
         where w.user_id = c.id group by s.exercise_id order by count(*) desc limit 1
      ) as exercise_id
      from chosen c`;
    const profiles = rows.filter((r) => r.exerciseId != null);
    if (profiles.length === 0) return 'no data: no user with 20 followers has logged sets';
    const [viewer] = await ctx.sql<{ id: number }[]>`/* bench:anyUser */ select id from users order by id limit 1`;
    const token = await ctx.token(viewer!.id);
    const nextProfile = rotate(profiles);
    const operation = (p: { userId: number; exerciseId: number }): Operation => ({
      query: `query W4($id: ID!, $exerciseId: ID!) { user(id: $id) { id username displayName country xp level
        workoutCount followerCount followingCount createdAt
        stats(days: 30) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays }
        exerciseProgress(exerciseId: $exerciseId) { weekStart bestEstimatedOneRepMaxKg changeKg }
        followers(first: 20) { edges { cursor node { id username displayName level } } pageInfo { hasNextPage endCursor } } } }`,
      variables: { id: gid('User', p.userId), exerciseId: gid('Exercise', p.exerciseId) },
      token,
    });
    return {
      subjects: { profiles: `${profiles.length} users with >= 20 followers and the most workouts, rotated` },
      cases: [{ name: 'profile', next: () => operation(nextProfile()), floor: true }],
      notes: [],
      metrics: {},
    };
  },
};

const W5: Workload = {
  id: 'W5',
  title: 'feed: 20 events for a viewer who follows 1,000 users',
  kind: 'read',
  needs: ['Query.feed'],
  async prepare(ctx) {
    const [viewer] = await ctx.sql<{ id: number; followingCount: number }[]>`/* bench:feedViewer */
      select id, following_count from users order by abs(following_count - 1000), id limit 1`;
    if (!viewer) return 'no users';
    const notes: string[] = [];
    if (viewer.followingCount < 1000) {
      // The seed's follow graph tops out below 1,000 followees; the workload is defined by 1,000.
      const missing = 1000 - viewer.followingCount;
      await ctx.sql`/* bench:topUpFollowing */
        insert into follows (follower_id, followee_id)
        select ${viewer.id}, u.id from users u
         where u.id <> ${viewer.id} and u.workout_count > 0
           and not exists (select 1 from follows f where f.follower_id = ${viewer.id} and f.followee_id = u.id)
         order by hashint8(u.id) limit ${missing}
        on conflict do nothing`;
      const [after] = await ctx.sql<{ followingCount: number }[]>`
        select following_count from users where id = ${viewer.id}`;
      notes.push(
        `The seed's most-following user followed ${viewer.followingCount}; the harness made them follow ` +
          `${after!.followingCount - viewer.followingCount} more active users (once; kept for reruns).`,
      );
      viewer.followingCount = after!.followingCount;
    }
    const token = await ctx.token(viewer.id);
    const operation: Operation = {
      query: `query W5 { feed(first: 20) { edges { cursor node { id type createdAt user { id username displayName }
        workout { id title totalVolumeKg } subject { id username } level } } pageInfo { hasNextPage endCursor } } }`,
      variables: {},
      token,
    };
    const probe = await mustExecute(ctx.origin, operation);
    if (probe.data!.feed.edges.length === 0) return 'no data: the viewer’s feed is empty';
    return {
      subjects: { viewer: viewer.id, following: viewer.followingCount },
      cases: [{ name: 'feed', next: () => operation, floor: true }],
      notes,
      metrics: {},
    };
  },
};

const W6: Workload = {
  id: 'W6',
  title: 'inbox: viewer.conversations(first: 20) with lastMessage and unreadCount',
  kind: 'read',
  needs: ['Query.viewer', 'User.conversations', 'Conversation.lastMessage', 'Conversation.unreadCount'],
  async prepare(ctx) {
    const viewers = await ctx.sql<{ userId: number; conversations: number }[]>`/* bench:inboxViewers */
      select user_id, count(*)::int as conversations from conversation_members
       group by user_id order by count(*) desc, user_id limit 20`;
    if (viewers.length === 0) return 'no data: no conversation members';
    const operations: Operation[] = [];
    for (const v of viewers) {
      operations.push({
        query: `query W6 { viewer { id conversations(first: 20) { edges { cursor node { id title memberCount
          lastMessageAt unreadCount lastMessage { id sequenceNumber body createdAt sender { id username } } } }
          pageInfo { hasNextPage endCursor } } } }`,
        variables: {},
        token: await ctx.token(v.userId),
      });
    }
    return {
      subjects: {
        viewers: `${viewers.length} members of the most conversations, rotated`,
        conversationsOfBusiest: viewers[0]!.conversations,
      },
      cases: [{ name: 'inbox', next: rotate(operations), floor: true }],
      notes: [],
      metrics: {},
    };
  },
};

async function sequenceCheck(sql: Sql, conversationId: number) {
  const [row] = await sql<{ count: number; low: number; high: number; last: number }[]>`/* bench:sequenceCheck */
    select count(*)::int as count, coalesce(min(sequence_number), 0) as low, coalesce(max(sequence_number), 0) as high,
           (select last_sequence_number from conversations where id = ${conversationId}) as last
      from messages where conversation_id = ${conversationId}`;
  return row!;
}

const W7: Workload = {
  id: 'W7',
  title: 'send: sendMessage into the biggest conversation from many members at once; sequence numbers stay gap-free',
  kind: 'write',
  needs: ['Mutation.sendMessage'],
  async prepare(ctx) {
    const conversation = await bigConversation(ctx);
    if (!conversation) return 'no data: no conversation has messages';
    const senders: Operation[] = [];
    const conversationId = gid('Conversation', conversation.id);
    const run = `${Date.now().toString(36)}`;
    let sent = 0;
    for (const member of conversation.members) {
      senders.push({
        query: `mutation W7($input: SendMessageInput!) { sendMessage(input: $input) {
          message { id sequenceNumber createdAt } errors { code message field } } }`,
        variables: {},
        token: await ctx.token(member),
      });
    }
    const nextSender = rotate(senders);
    const next = (): Operation => {
      const sender = nextSender();
      sent += 1;
      return {
        ...sender,
        variables: { input: { conversationId, body: `Bench ${run} message ${sent}: see you at the gym` } },
      };
    };
    const probe = await mustExecute(ctx.origin, next());
    if (probe.data!.sendMessage.errors.length)
      return `sendMessage refused: ${JSON.stringify(probe.data!.sendMessage.errors)}`;
    const before = await sequenceCheck(ctx.sql, conversation.id);
    return {
      subjects: { conversation: conversation.id, senders: senders.length, messagesBefore: before.count },
      cases: [{ name: 'send', next, floor: false }],
      notes: [],
      metrics: {},
      async after() {
        const now = await sequenceCheck(ctx.sql, conversation.id);
        const gapFree = now.count === now.high - now.low + 1 && now.low === 1 && now.high === now.last;
        return { messagesAdded: now.count - before.count, gapFree: gapFree ? 1 : 0, lastSequenceNumber: now.last };
      },
    };
  },
};

const W8: Workload = {
  id: 'W8',
  title: 'log: logWorkout with 10 sets',
  kind: 'write',
  needs: ['Mutation.logWorkout'],
  async prepare(ctx) {
    const athletes = await ctx.sql<{ id: number }[]>`/* bench:loggers */
      select id from users order by hashint8(id + 1) limit 200`;
    const exercises = await ctx.sql<
      { id: number }[]
    >`/* bench:exercises */ select id from exercises order by id limit 10`;
    if (athletes.length === 0 || exercises.length === 0) return 'no data: no users or exercises';
    const tokens = await Promise.all(athletes.map((a) => ctx.token(a.id)));
    const nextToken = rotate(tokens);
    let n = 0;
    const next = (): Operation => {
      n += 1;
      return {
        query: `mutation W8($input: LogWorkoutInput!) { logWorkout(input: $input) {
          workout { id setCount totalVolumeKg xpEarned } user { id xp level workoutCount } errors { code message field } } }`,
        variables: {
          input: {
            title: `Bench session ${n}`,
            startedAt: new Date(Date.now() - 3_600_000).toISOString(),
            durationSeconds: 3600,
            sets: Array.from({ length: 10 }, (_, i) => ({
              exerciseId: gid('Exercise', exercises[i % exercises.length]!.id),
              reps: 5 + (i % 6),
              weightKg: 40 + ((n + i) % 12) * 5,
            })),
          },
        },
        token: nextToken(),
      };
    };
    const probe = await mustExecute(ctx.origin, next());
    if (probe.data!.logWorkout.errors.length)
      return `logWorkout refused: ${JSON.stringify(probe.data!.logWorkout.errors)}`;
    return {
      subjects: { athletes: athletes.length, setsPerWorkout: 10 },
      cases: [{ name: 'log 10 sets', next, floor: false }],
      notes: [],
      metrics: {},
    };
  },
};

/** The project's own refresh when it exports one (src/jobs/leaderboards.ts), else a view or SQL function. */
async function leaderboardRefreshSeconds(ctx: BenchContext): Promise<{ seconds: number; what: string } | null> {
  const job = await importOptional('../src/jobs/leaderboards.ts');
  if (typeof job?.refreshLeaderboards === 'function') {
    const refresh = job.refreshLeaderboards as (sql: Sql, options: object) => Promise<{ status: string }>;
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      const outcome = await refresh(ctx.sql, { now: new Date(), when: 'always', wait: true });
      times.push((performance.now() - started) / 1000);
      if (outcome.status !== 'refreshed')
        return { seconds: Number.NaN, what: `refreshLeaderboards said ${outcome.status}` };
    }
    times.sort((a, b) => a - b);
    return { seconds: times[1]!, what: 'refreshLeaderboards(sql, { when: "always" }), median of 3' };
  }
  const views = await ctx.sql<{ name: string; unique: boolean }[]>`/* bench:leaderboardViews */
    select format('%I.%I', schemaname, matviewname) as name,
           exists (select 1 from pg_indexes i join pg_index x on x.indexrelid = format('%I.%I', i.schemaname, i.indexname)::regclass
                    where i.schemaname = v.schemaname and i.tablename = v.matviewname and x.indisunique) as unique
      from pg_matviews v where matviewname ilike '%leaderboard%'`;
  if (views.length > 0) {
    const started = performance.now();
    for (const view of views) {
      await ctx.sql.unsafe(`refresh materialized view ${view.unique ? 'concurrently ' : ''}${view.name}`);
    }
    return {
      seconds: (performance.now() - started) / 1000,
      what: `refresh materialized view of ${views.map((v) => v.name).join(', ')}`,
    };
  }
  const [fn] = await ctx.sql<{ name: string }[]>`/* bench:leaderboardRefreshFunction */
    select format('%I.%I', n.nspname, p.proname) as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where p.proname ilike '%leaderboard%' and p.proname ilike '%refresh%' and p.pronargs = 0
       and n.nspname not in ('pg_catalog', 'information_schema') limit 1`;
  if (!fn) return null;
  const started = performance.now();
  await ctx.sql.unsafe(`select ${fn.name}()`);
  return { seconds: (performance.now() - started) / 1000, what: `select ${fn.name}()` };
}

/** A module that a later branch may add; null while it does not exist. */
async function importOptional(path: string): Promise<Record<string, unknown> | null> {
  try {
    return (await import(new URL(path, import.meta.url).href)) as Record<string, unknown>;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}

const W9: Workload = {
  id: 'W9',
  title: 'leaderboard: the first page and a page 50,000 ranks deep, both kinds; and the refresh time',
  kind: 'read',
  needs: ['Query.leaderboard'],
  async prepare(ctx) {
    const [viewer] = await ctx.sql<{ id: number }[]>`/* bench:anyUser */ select id from users order by id limit 1`;
    const token = await ctx.token(viewer!.id);
    const page = (kind: string, first: number, after: string | null): Operation => ({
      query: `query W9($kind: LeaderboardKind!, $first: Int, $after: String) { leaderboard(kind: $kind, first: $first, after: $after) {
        refreshedAt edges { cursor node { rank score user { id username displayName level } } }
        pageInfo { hasNextPage endCursor } } }`,
      variables: { kind, first, after },
      token,
    });
    const cases: Case[] = [];
    const subjects: Record<string, string | number> = {};
    const notes: string[] = [];
    for (const kind of ['XP_ALL_TIME', 'VOLUME_THIS_WEEK']) {
      const first = await mustExecute(ctx.origin, page(kind, 20, null));
      if (first.data!.leaderboard.edges.length === 0) {
        notes.push(`${kind} is empty.`);
        continue;
      }
      ctx.log(`W9: walking ${kind} to rank 50,000`);
      const walk = (after: string | null): Operation => ({
        query: `query W9Walk($kind: LeaderboardKind!, $after: String) { leaderboard(kind: $kind, first: 100, after: $after) {
          pageInfo { hasNextPage endCursor } } }`,
        variables: { kind, after },
        token,
      });
      const deep = await cursorAtDepth(ctx, 50_000, walk, (data) => data.leaderboard);
      subjects[`${kind} deep page after rank`] = deep.depth;
      if (deep.depth < 50_000)
        notes.push(`${kind} has fewer than 50,020 entries: its deep page starts at rank ${deep.depth + 1}.`);
      cases.push({ name: `${kind} first page`, next: () => page(kind, 20, null), floor: true });
      if (deep.cursor) {
        cases.push({
          name: `${kind} at ${deep.depth.toLocaleString('en')}`,
          next: () => page(kind, 20, deep.cursor),
          floor: true,
        });
      }
    }
    if (cases.length === 0) return 'no data: both leaderboards are empty';
    const refresh = await leaderboardRefreshSeconds(ctx);
    if (refresh) notes.push(`Refresh measured as: ${refresh.what}.`);
    else
      notes.push(
        'Refresh time not measured: no leaderboard materialized view or zero-argument refresh function found.',
      );
    const metrics: Record<string, number> = refresh ? { refreshSeconds: refresh.seconds } : {};
    return { subjects, cases, notes, metrics };
  },
};

/** English stop words the search would drop: a query of them would search for nothing. */
const STOP_WORDS = new Set(
  'about above after again also been before being below between both could does doing down during each from further have having here into just more most once only other over same should some such than that their them then there these they this those through under until very were what when where which while will with would your yours'.split(
    ' ',
  ),
);

const W10: Workload = {
  id: 'W10',
  title: 'search: a two-word searchMessages across the viewer’s conversations',
  kind: 'read',
  needs: ['Query.searchMessages'],
  async prepare(ctx) {
    const [viewer] = await ctx.sql<{ userId: number }[]>`/* bench:searchViewer */
      select user_id from conversation_members group by user_id order by count(*) desc, user_id limit 1`;
    if (!viewer) return 'no data: no conversation members';
    const samples = await ctx.sql<{ body: string }[]>`/* bench:searchSample */
      select m.body from conversation_members cm
        join lateral (select body from messages where conversation_id = cm.conversation_id and body not like 'Bench %'
                       order by sequence_number desc limit 20) m on true
       where cm.user_id = ${viewer.userId} limit 400`;
    const wordsOf = (body: string) =>
      [...new Set(body.toLowerCase().match(/[a-z]{4,}/g) ?? [])].filter((word) => !STOP_WORDS.has(word));
    const frequency = new Map<string, number>();
    for (const { body } of samples)
      for (const word of wordsOf(body)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    // The two most common words that share a message: the search finds something, and plenty of it.
    let best: { words: string[]; score: number } | null = null;
    for (const { body } of samples) {
      const words = wordsOf(body)
        .sort((a, b) => frequency.get(b)! - frequency.get(a)!)
        .slice(0, 2);
      const score = words.length === 2 ? frequency.get(words[0]!)! + frequency.get(words[1]!)! : 0;
      if (score > (best?.score ?? 0)) best = { words, score };
    }
    if (!best) return 'no data: no message text to search for';
    const query = best.words.join(' ');
    const operation: Operation = {
      query: `query W10($q: String!) { searchMessages(query: $q, first: 20) { edges { cursor node { id sequenceNumber body
        createdAt sender { id username } conversation { id title } } } pageInfo { hasNextPage endCursor } } }`,
      variables: { q: query },
      token: await ctx.token(viewer.userId),
    };
    const probe = await mustExecute(ctx.origin, operation);
    return {
      subjects: { viewer: viewer.userId, query, firstPageHits: probe.data!.searchMessages.edges.length },
      cases: [{ name: 'search', next: () => operation, floor: true }],
      notes: probe.data!.searchMessages.edges.length === 0 ? [`"${query}" found nothing.`] : [],
      metrics: {},
    };
  },
};

export const workloads: Workload[] = [W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10];
