import type { Operation } from './graphql';
import { bigConversation, cursorAtDepth, gid, rotate, type Workload } from './workloads';

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

export const P4: Workload = {
  id: 'P4',
  title: 'W4 of issue 10: userByUsername { counters followers(first: 20) }, anonymous',
  kind: 'read',
  needs: ['Query.userByUsername', 'User.followers'],
  async prepare(ctx) {
    const rows = await ctx.sql<{ username: string }[]>`/* bench:popular */
      select username from users where follower_count >= 20 order by hashint8(id) limit 20`;
    if (rows.length === 0) return 'no data: nobody has 20 followers';
    const next = rotate(rows.map((row) => row.username));
    const operation = (username: string): Operation => ({
      query: `query P4($username: String!) { userByUsername(username: $username) { id username displayName country xp level
        workoutCount followerCount followingCount createdAt
        followers(first: 20) { edges { cursor node { id username displayName level } } pageInfo { hasNextPage endCursor } } } }`,
      variables: { username },
      token: null,
    });
    return {
      subjects: { users: `${rows.length} users with >= 20 followers, rotated` },
      cases: [{ name: 'profile', next: () => operation(next()), floor: true, speed: { against: 'spotter' } }],
      notes: [],
      metrics: {},
    };
  },
};

/** Run after the workloads of bench/workloads.ts, so `--only P1,P2` picks them like any other. */
export const speedWorkloads: Workload[] = [P0, P1, P2, P3, P4];
