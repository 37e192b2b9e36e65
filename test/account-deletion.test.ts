import { describe, expect, it } from 'vitest';
import { graphql } from './gql';
import { expectData, run } from './kit/client';
import { inconsistencies } from './kit/consistency';
import { comment, createWorkout, like, Notifications } from './kit/interactions';
import { boardFacts, rankBoard } from './kit/leaderboards';
import { send, startConversation } from './kit/messaging';
import { block, follow } from './kit/privacy';
import { useSecondProcess } from './kit/processes';
import { createUser, createUsers, globalId, type SeededUser } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import {
  createGoal,
  createTeam,
  driftedGoals,
  driftedTeams,
  InviteToTeam,
  join,
  logDistance,
  TeamLeaderboard,
  teamBoardFromScratch,
} from './kit/teams';
import { exercises, LOG_WORKOUT } from './kit/training';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();
const secondProcess = useSecondProcess(db);

const DeleteAccount = graphql(`
  mutation DeleteAccount($input: DeleteAccountInput!) {
    deleteAccount(input: $input) { deletedUserId errors { code message field } }
  }`);

const Viewer = graphql(`query DeletionViewer { viewer { id username } }`);

const React = graphql(`
  mutation DeletionReact($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }`);

const ConversationMessages = graphql(`
  query DeletionMessages($id: ID!) {
    conversation(id: $id) {
      memberCount
      messages(first: 50) {
        edges { node { sequenceNumber body sender {
          id username displayName country xp level workoutCount followerCount followingCount
          rank(kind: XP_ALL_TIME) { rank }
        } } }
      }
    }
  }`);

const TeamOwner = graphql(`
  query DeletionTeam($id: ID!) { team(id: $id) { memberCount owner { id } members(first: 10) { edges { node { role user { id } } } } } }`);

const Board = graphql(`
  query DeletionBoard($kind: LeaderboardKind!) {
    leaderboard(kind: $kind, first: 100) { entryCount edges { node { rank score user { id } } } }
  }`);

const ExerciseBoard = graphql(`
  query DeletionExerciseBoard($exerciseId: ID!) {
    exerciseLeaderboard(exerciseId: $exerciseId, first: 100) { entryCount edges { node { rank score user { id } } } }
  }`);

const Follow = graphql(`
  mutation DeletionFollow($input: FollowInput!) { follow(input: $input) { errors { code field } } }`);

const MemberLeft = graphql(`
  subscription DeletionMemberLeft($id: ID!) {
    conversationEvents(conversationId: $id) {
      __typename
      ... on MemberLeftEvent { user { id displayName } memberCount }
    }
  }`);

const Directory = graphql(`
  query DeletionDirectory($search: String) { users(first: 20, search: $search) { edges { node { id } } } }`);

const NotificationAdded = graphql(`
  subscription DeletionNotificationAdded { notificationAdded { sequenceNumber } }`);

/** Every column that names a user, with the rows that still name `userId`. */
async function rowsNaming(userId: number) {
  const columns = await db.sql<{ table: string; column: string }[]>`
    select c.table_name as table, c.column_name as column
      from information_schema.columns c
     where c.table_schema = 'public'
       and c.column_name in ('user_id', 'follower_id', 'followee_id', 'blocker_id', 'blocked_id', 'author_id',
                             'actor_id', 'recipient_id', 'sender_id', 'subject_id', 'invitee_id', 'inviter_id',
                             'created_by_id')
       and c.table_name not in (select table_name from information_schema.views)`;
  const found: string[] = [];
  for (const { table, column } of columns) {
    const [row] = await db.sql.unsafe(`select count(*)::int as n from ${table} where ${column} = $1`, [userId]);
    if (row!.n > 0) found.push(`${table}.${column}: ${row!.n}`);
  }
  return found;
}

async function logWorkout(user: SeededUser, weightKg: number, hoursAgo = 1) {
  const { byName } = await exercises(db.sql);
  const result = expectData(
    await run(
      db,
      LOG_WORKOUT,
      {
        input: {
          title: 'Push',
          startedAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
          durationSeconds: 3600,
          sets: [
            { exerciseId: globalId('Exercise', byName.get('Bench Press')!), reps: 5, weightKg },
            { exerciseId: globalId('Exercise', byName.get('Bench Press')!), reps: 3, weightKg: weightKg + 10 },
          ],
        },
      },
      { as: user.id },
    ),
  ).logWorkout;
  expect(result.errors).toEqual([]);
  return Number(Buffer.from(result.workout!.id, 'base64').toString().split(':')[1]);
}

const isoWeekStart = (now: Date) => {
  const day = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day));
};

/** Every board served, compared with a ranking from scratch of the source rows. */
async function expectBoardsExact() {
  const facts = await boardFacts(db.sql, isoWeekStart(new Date()));
  for (const kind of ['XP_ALL_TIME', 'VOLUME_THIS_WEEK'] as const) {
    const served = expectData(await run(db, Board, { kind })).leaderboard;
    const expected = rankBoard(facts, { kind, country: null });
    expect(served.entryCount, kind).toBe(expected.length);
    expect(
      served.edges.map((e) => [e.node.user.id, e.node.rank, e.node.score]),
      kind,
    ).toEqual(expected.map((e) => [globalId('User', e.userId), e.rank, e.score]));
  }
  const bench = (await exercises(db.sql)).byName.get('Bench Press')!;
  const served = expectData(
    await run(db, ExerciseBoard, { exerciseId: globalId('Exercise', bench) }),
  ).exerciseLeaderboard;
  const expected = rankBoard(facts, { exerciseId: bench, country: null });
  expect(served.entryCount).toBe(expected.length);
  expect(served.edges.map((e) => [e.node.user.id, e.node.rank, e.node.score])).toEqual(
    expected.map((e) => [globalId('User', e.userId), e.rank, e.score]),
  );
  for (const metric of ['DISTANCE_METERS', 'VOLUME_KG', 'WORKOUTS', 'XP'] as const) {
    const fromScratch = await teamBoardFromScratch(db.sql, metric);
    const board = expectData(await run(db, TeamLeaderboard, { metric, first: 100 })).teamLeaderboard.edges;
    expect(
      board.map((edge) => [edge.node.team.id, edge.node.score, edge.node.rank]),
      metric,
    ).toEqual(fromScratch.map((row) => [globalId('Team', row.id), Number(row.score), row.rank]));
  }
}

async function deleteAccount(user: SeededUser, username = user.username, target = db) {
  return expectData(await run(target, DeleteAccount, { input: { username } }, { as: user.id })).deleteAccount;
}

describe('Mutation.deleteAccount', () => {
  it('erases a user who touched every table; every counter, board, goal and team is exact afterwards', async () => {
    const gone = await createUser(db.sql, { country: 'SE' });
    const [heir, later, fan, stranger, blocked, blocker] = await createUsers(db.sql, 6);
    const now = Date.now();
    const window = { startsAt: new Date(now - 7 * 86_400_000), endsAt: new Date(now + 7 * 86_400_000) };

    // Workouts with sets and records, on the boards; others' workouts too.
    const goneWorkout = await logWorkout(gone, 120);
    await logWorkout(gone, 130, 2);
    await logDistance(db, gone, 5000);
    await logWorkout(heir!, 100);
    await logWorkout(later!, 90);
    await logDistance(db, fan!, 3000);

    // A team they own with goals and other members (heir joined before later), one only they are in.
    const owned = await createTeam(db, gone, { name: `Owned ${gone.id}` });
    await join(db, heir!, owned);
    await join(db, later!, owned);
    await createGoal(db, gone, owned, { metric: 'WORKOUTS', target: 100, ...window });
    await createGoal(db, gone, owned, { metric: 'VOLUME_KG', target: 1e6, ...window });
    const alone = await createTeam(db, gone, { name: `Alone ${gone.id}` });
    const aloneGoal = await createGoal(db, gone, alone, { metric: 'DISTANCE_METERS', target: 1e6, ...window });
    // A team of others they are in, and an invitation they sent.
    const others = await createTeam(db, fan!, { name: `Others ${gone.id}` });
    await join(db, gone, others);
    await createGoal(db, fan!, others, { metric: 'XP', target: 1e6, ...window });
    const invited = expectData(
      await run(db, InviteToTeam, { input: { teamId: others.globalId, userId: stranger!.globalId } }, { as: gone.id }),
    ).inviteToTeam;
    expect(invited.errors).toEqual([]);

    // Likes and comments both ways (notifications both ways), follows both ways, blocks both ways.
    const fanWorkout = await createWorkout(db.sql, fan!);
    await like(db, fan!, { id: goneWorkout, globalId: globalId('Workout', goneWorkout) });
    await comment(db, fan!, { id: goneWorkout, globalId: globalId('Workout', goneWorkout) }, 'Strong!');
    await like(db, gone, fanWorkout);
    await comment(db, gone, fanWorkout, 'Nice one');
    await follow(db, gone, heir!);
    await follow(db, gone, fan!);
    await follow(db, fan!, gone);
    await follow(db, stranger!, gone);
    await block(db, gone, blocked!);
    await block(db, blocker!, gone);

    // A conversation with messages both ways, reactions both ways, an idempotency key.
    const chat = await startConversation(db, gone, [heir!, fan!]);
    const first = await send(db, gone, chat.id, 'hello from the one who leaves', 'key-1');
    const second = await send(db, heir!, chat.id, 'hi');
    await send(db, gone, chat.id, 'bye');
    await send(db, fan!, chat.id, 'see you');
    expect(
      expectData(await run(db, React, { input: { messageId: first.message!.id, emoji: '🔥' } }, { as: fan!.id }))
        .addReaction.errors,
    ).toEqual([]);
    expect(
      expectData(await run(db, React, { input: { messageId: second.message!.id, emoji: '👍' } }, { as: gone.id }))
        .addReaction.errors,
    ).toEqual([]);

    const before = await rowsNaming(gone.id);
    for (const table of [
      'workouts.user_id',
      'follows.follower_id',
      'follows.followee_id',
      'blocks.blocker_id',
      'blocks.blocked_id',
      'workout_likes.user_id',
      'comments.author_id',
      'reactions.user_id',
      'messages.sender_id',
      'notifications.actor_id',
      'notifications.recipient_id',
      'activity_events.user_id',
      'activity_events.subject_id',
      'team_members.user_id',
      'conversation_members.user_id',
      'idempotency_keys.sender_id',
      'personal_records.user_id',
      'team_invites.inviter_id',
    ]) {
      expect(
        before.some((row) => row.startsWith(`${table}:`)),
        `${table} before`,
      ).toBe(true);
    }
    expect(await db.sql`select 1 from board_entries where user_id = ${gone.id}`).not.toHaveLength(0);

    const deleted = await deleteAccount(gone, gone.username.toUpperCase());
    expect(deleted).toEqual({ deletedUserId: gone.globalId, errors: [] });

    expect(await rowsNaming(gone.id)).toEqual([]);
    expect(await db.sql`select 1 from users where id = ${gone.id}`).toHaveLength(0);
    expect(await db.sql`select 1 from board_entries where user_id = ${gone.id}`).toHaveLength(0);
    expect(await db.sql`select 1 from goal_contributions where user_id = ${gone.id}`).toHaveLength(0);
    expect(await inconsistencies(db.sql)).toEqual([]);
    expect(await driftedGoals(db.sql)).toEqual([]);
    expect(await driftedTeams(db.sql)).toEqual([]);
    await expectBoardsExact();
    // Each other user's unread count is the notifications they still have after their read mark; the
    // ones the deleted user caused are gone, their numbers not reused.
    for (const user of [heir!, later!, fan!, stranger!, blocked!, blocker!]) {
      const [{ unread }] = await db.sql<[{ unread: number }]>`
        select count(*)::int as unread from notifications n
          left join notification_states s on s.user_id = n.recipient_id
         where n.recipient_id = ${user.id} and n.sequence_number > coalesce(s.last_read_sequence_number, 0)`;
      const viewer = expectData(await run(db, Notifications, { first: 50 }, { as: user.id })).viewer!;
      expect(viewer.unreadNotificationCount, user.username).toBe(unread);
      expect(viewer.notifications.edges.some((e) => e.node.actor.id === gone.globalId)).toBe(false);
    }
    expect(await db.sql`select 1 from notification_gaps`).not.toHaveLength(0);

    // The owned team passed to the earliest-joined member; the team only they were in is gone with its goal.
    const team = expectData(await run(db, TeamOwner, { id: owned.globalId })).team!;
    expect(team.owner.id).toBe(heir!.globalId);
    expect(team.memberCount).toBe(2);
    expect(team.members.edges.map((e) => [e.node.user.id, e.node.role])).toEqual([
      [heir!.globalId, 'OWNER'],
      [later!.globalId, 'MEMBER'],
    ]);
    expect(expectData(await run(db, TeamOwner, { id: alone.globalId })).team).toBeNull();
    expect(await db.sql`select 1 from team_goals where id = ${aloneGoal.id}`).toHaveLength(0);

    // Messages stay, numbered 1..4, the deleted user's from a tombstone with empty bodies.
    const conversation = expectData(await run(db, ConversationMessages, { id: chat.id }, { as: heir!.id }))
      .conversation!;
    expect(conversation.memberCount).toBe(2);
    const messages = conversation.messages.edges.map((e) => e.node);
    expect(messages.map((m) => m.sequenceNumber)).toEqual([1, 2, 3, 4]);
    expect(messages.map((m) => m.body)).toEqual(['', 'hi', '', 'see you']);
    const tombstone = messages[0]!.sender;
    expect(messages[2]!.sender.id).toBe(tombstone.id);
    expect(tombstone).toMatchObject({
      displayName: 'Deleted user',
      country: null,
      xp: 0,
      level: 1,
      workoutCount: 0,
      followerCount: 0,
      followingCount: 0,
      rank: null,
    });
    expect(tombstone.username).toMatch(/^deleted-/);
    expect(tombstone.id).not.toBe(gone.globalId);

    // Nobody can act toward the tombstone, and it is notified of nothing.
    expect(
      expectData(await run(db, Follow, { input: { userId: tombstone.id } }, { as: fan!.id })).follow.errors,
    ).toEqual([{ code: 'NOT_FOUND', field: 'userId' }]);
    expect(
      expectData(await run(db, React, { input: { messageId: first.message!.id, emoji: '🎉' } }, { as: heir!.id }))
        .addReaction.errors,
    ).toEqual([]);
    const tombstoneId = Number(Buffer.from(tombstone.id, 'base64').toString().split(':')[1]);
    expect(await rowsNaming(tombstoneId)).toEqual(['messages.sender_id: 2']);

    // The tombstone is in no directory, and no token makes it a viewer.
    expect(expectData(await run(db, Directory, { search: 'deleted' })).users.edges).toEqual([]);
    expect(expectData(await run(db, Directory, { search: 'Deleted user' })).users.edges).toEqual([]);
    expect((await run(db, Viewer, {}, { as: tombstoneId })).status).toBe(401);

    // Their username is free again, and their token is refused.
    const again = await createUser(db.sql, { username: gone.username });
    expect(again.id).not.toBe(gone.id);
    const refused = await run(db, Viewer, {}, { as: gone.id });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('asks for the viewer’s own username, and writes nothing without it; anonymous callers are refused', async () => {
    const [user, other] = await createUsers(db.sql, 2);
    await logWorkout(user!, 100);
    const count = () =>
      db.sql`select (select count(*) from users) as users, (select count(*) from workouts) as workouts`;
    const before = await count();
    for (const username of [other!.username, '', `${user!.username}x`]) {
      const result = await deleteAccount(user!, username);
      expect(result).toEqual({
        deletedUserId: null,
        errors: [{ code: 'VALIDATION', message: expect.any(String), field: 'username' }],
      });
    }
    expect(await count()).toEqual(before);
    const anonymous = expectData(await run(db, DeleteAccount, { input: { username: user!.username } })).deleteAccount;
    expect(anonymous.errors.map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
    expect(await count()).toEqual(before);
    expect((await run(db, Viewer, {}, { as: user!.id })).status).toBe(200);
  });

  it('refuses the deleted user’s token on every server process at once, and ends their live streams', async () => {
    const [user, friend] = await createUsers(db.sql, 2);
    const other = secondProcess();
    // Both processes know the user (their caches hold the id) before the deletion.
    expect(expectData(await run(db, Viewer, {}, { as: user!.id })).viewer?.id).toBe(user!.globalId);
    expect(expectData(await run(other, Viewer, {}, { as: user!.id })).viewer?.id).toBe(user!.globalId);
    const streamHere = await subscribeSse(db, NotificationAdded, {}, { as: user!.id });
    const streamThere = await subscribeSse(other, NotificationAdded, {}, { as: user!.id });
    await follow(db, friend!, user!);
    await streamHere.take(1);
    await streamThere.take(1);

    expect((await deleteAccount(user!)).errors).toEqual([]);
    // This process refuses at once; the other as soon as the commit's NOTIFY reaches it.
    expect((await run(db, Viewer, {}, { as: user!.id })).status).toBe(401);
    const deadline = Date.now() + 5000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await run(other, Viewer, {}, { as: user!.id })).status;
      if (status === 401) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(401);
    await streamHere.ended(5000);
    await streamThere.ended(5000);
    // A second deletion with the old token is refused before it runs.
    const retry = await run(other, DeleteAccount, { input: { username: user!.username } }, { as: user!.id });
    expect(retry.status).toBe(401);
  });

  it('shows the other members of their conversations a MemberLeftEvent, from the tombstone', async () => {
    const [user, friend, other] = await createUsers(db.sql, 3);
    const chat = await startConversation(db, user!, [friend!, other!]);
    const events = await subscribeSse(secondProcess(), MemberLeft, { id: chat.id }, { as: friend!.id });
    expect((await deleteAccount(user!)).errors).toEqual([]);
    const [event] = await events.take(1);
    expect(event!.data?.conversationEvents).toMatchObject({
      __typename: 'MemberLeftEvent',
      user: { displayName: 'Deleted user' },
      memberCount: 2,
    });
    await events.cancel();
  });

  it('leaves no orphan when the user keeps writing while the deletion runs', async () => {
    const [user, ...friends] = await createUsers(db.sql, 6);
    const chat = await startConversation(db, user!, friends.slice(0, 3));
    await send(db, friends[0]!, chat.id, 'before');
    const team = await createTeam(db, friends[0]!, { name: `Race ${user!.id}` });
    await join(db, user!, team);
    await createGoal(db, friends[0]!, team, {
      metric: 'WORKOUTS',
      target: 1e6,
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 86_400_000),
    });
    for (let i = 0; i < 5; i += 1) await logWorkout(user!, 100 + i, i + 1);

    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 8; i += 1) {
      writes.push(logWorkout(user!, 50 + i).catch(() => undefined));
      writes.push(send(db, user!, chat.id, `racing ${i}`).catch(() => undefined));
      writes.push(send(db, friends[1]!, chat.id, `meanwhile ${i}`).catch(() => undefined));
      writes.push(run(db, Follow, { input: { userId: friends[i % friends.length]!.globalId } }, { as: user!.id }));
      writes.push(
        run(db, Follow, { input: { userId: user!.globalId } }, { as: friends[(i + 1) % friends.length]!.id }),
      );
    }
    const deletion = deleteAccount(user!);
    await Promise.all(writes);
    expect((await deletion).errors).toEqual([]);

    expect(await rowsNaming(user!.id)).toEqual([]);
    expect(await inconsistencies(db.sql)).toEqual([]);
    expect(await driftedGoals(db.sql)).toEqual([]);
    expect(await driftedTeams(db.sql)).toEqual([]);
    await expectBoardsExact();
  });
});
