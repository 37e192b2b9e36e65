import { describe, expect, it } from 'vitest';
import { graphql } from './gql';
import type { NotificationsQueryVariables } from './gql/graphql';
import { expectData, present, run } from './kit/client';
import {
  comment,
  createWorkout,
  like,
  MarkNotificationsRead,
  Notifications,
  storedNotifications,
  unlike,
} from './kit/interactions';
import { send, startConversation } from './kit/messaging';
import { createUsers, type SeededUser } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

const FOLLOW = graphql(
  `mutation NotificationsFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }`,
);
const UNFOLLOW = graphql(
  `mutation NotificationsUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }`,
);
const ADD_REACTION = graphql(
  `mutation NotificationsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }`,
);
const REMOVE_REACTION = graphql(
  `mutation NotificationsRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) { errors { code } } }`,
);

async function follow(actor: SeededUser, target: SeededUser, change: 'follow' | 'unfollow' = 'follow') {
  const variables = { input: { userId: target.globalId } };
  const as = { as: actor.id };
  const result = change === 'follow' ? await run(db, FOLLOW, variables, as) : await run(db, UNFOLLOW, variables, as);
  expect(Object.values(expectData(result))).toEqual([{ errors: [] }]);
}

async function react(actor: SeededUser, messageId: string, emoji: string, change: 'add' | 'remove' = 'add') {
  const variables = { input: { messageId, emoji } };
  const as = { as: actor.id };
  const result =
    change === 'add' ? await run(db, ADD_REACTION, variables, as) : await run(db, REMOVE_REACTION, variables, as);
  expect(Object.values(expectData(result))).toEqual([{ errors: [] }]);
}

async function notificationsOf(user: SeededUser, variables: NotificationsQueryVariables = {}) {
  return present(expectData(await run(db, Notifications, variables, { as: user.id })).viewer, 'the viewer');
}

describe('Notifications', () => {
  it('notifies of a follower, a like, a comment and a reaction, newest first, numbered 1, 2, 3 …', async () => {
    const [me, fan] = await createUsers(db.sql, 2);
    const workout = await createWorkout(db.sql, me!);
    const chat = await startConversation(db, me!, [fan!]);
    const message = (await send(db, me!, chat.id, 'PR today')).message!;
    await follow(fan!, me!);
    await like(db, fan!, workout);
    const made = present((await comment(db, fan!, workout, 'Beast')).comment, 'the comment');
    await react(fan!, message.id, '🔥');
    const viewer = await notificationsOf(me!);
    expect(viewer.unreadNotificationCount).toBe(4);
    expect(viewer.notifications.edges.map((e) => e.node)).toEqual([
      {
        id: expect.any(String),
        kind: 'MESSAGE_REACTION',
        sequenceNumber: 4,
        read: false,
        emoji: '🔥',
        actor: { id: fan!.globalId },
        workout: null,
        comment: null,
        message: { id: message.id },
      },
      {
        id: expect.any(String),
        kind: 'WORKOUT_COMMENTED',
        sequenceNumber: 3,
        read: false,
        emoji: null,
        actor: { id: fan!.globalId },
        workout: { id: workout.globalId },
        comment: { id: made.id, body: 'Beast' },
        message: null,
      },
      expect.objectContaining({ kind: 'WORKOUT_LIKED', sequenceNumber: 2, workout: { id: workout.globalId } }),
      expect.objectContaining({ kind: 'NEW_FOLLOWER', sequenceNumber: 1, workout: null, actor: { id: fan!.globalId } }),
    ]);
  });

  it('never notifies of acting on one’s own things', async () => {
    const [me, other] = await createUsers(db.sql, 2);
    const workout = await createWorkout(db.sql, me!);
    const chat = await startConversation(db, me!, [other!]);
    const message = (await send(db, me!, chat.id, 'mine')).message!;
    await comment(db, me!, workout, 'my own comment');
    await react(me!, message.id, '👍');
    expect(await storedNotifications(db.sql, me!)).toEqual([]);
    expect((await notificationsOf(me!)).unreadNotificationCount).toBe(0);
  });

  it('notifies once for a repeated act: like, unlike, like; unfollow, follow; remove and add a reaction', async () => {
    const [me, fan] = await createUsers(db.sql, 2);
    const workout = await createWorkout(db.sql, me!);
    const chat = await startConversation(db, me!, [fan!]);
    const message = (await send(db, me!, chat.id, 'hello')).message!;
    await like(db, fan!, workout);
    await unlike(db, fan!, workout);
    await like(db, fan!, workout);
    await follow(fan!, me!);
    await follow(fan!, me!, 'unfollow');
    await follow(fan!, me!);
    await react(fan!, message.id, '💪');
    await react(fan!, message.id, '💪', 'remove');
    await react(fan!, message.id, '💪');
    // Another emoji is another act.
    await react(fan!, message.id, '🎉');
    const stored = await storedNotifications(db.sql, me!);
    expect(stored.map((n) => [n.sequenceNumber, n.kind])).toEqual([
      [1, 'WORKOUT_LIKED'],
      [2, 'NEW_FOLLOWER'],
      [3, 'MESSAGE_REACTION'],
      [4, 'MESSAGE_REACTION'],
    ]);
  });

  it('marks read up to a number: never backwards, clamped to the last, counted by unreadNotificationCount', async () => {
    const [me, ...fans] = await createUsers(db.sql, 6);
    const workout = await createWorkout(db.sql, me!);
    for (const fan of fans) await like(db, fan, workout);
    const mark = async (upToSequenceNumber: number) =>
      expectData(await run(db, MarkNotificationsRead, { input: { upToSequenceNumber } }, { as: me!.id }))
        .markNotificationsRead;
    expect(await mark(2)).toEqual({ viewer: { id: me!.globalId, unreadNotificationCount: 3 }, errors: [] });
    const reads = (await notificationsOf(me!)).notifications.edges.map((e) => [e.node.sequenceNumber, e.node.read]);
    expect(reads).toEqual([
      [5, false],
      [4, false],
      [3, false],
      [2, true],
      [1, true],
    ]);
    expect((await mark(1)).viewer?.unreadNotificationCount).toBe(3);
    expect((await mark(1000)).viewer?.unreadNotificationCount).toBe(0);
    const [state] = await db.sql`select last_read_sequence_number from notification_states where user_id = ${me!.id}`;
    expect(state!.lastReadSequenceNumber).toBe(5);
    // A notification after the clamp is unread.
    const [late] = await createUsers(db.sql, 1);
    await follow(late!, me!);
    expect((await notificationsOf(me!)).unreadNotificationCount).toBe(1);
    expect((await mark(-1)).errors).toEqual([{ code: 'VALIDATION', field: 'upToSequenceNumber' }]);
    const anonymous = expectData(await run(db, MarkNotificationsRead, { input: { upToSequenceNumber: 1 } }));
    expect(anonymous.markNotificationsRead.errors).toMatchObject([{ code: 'UNAUTHENTICATED' }]);
  });

  it('pages newest first by keyset', async () => {
    const [me, ...fans] = await createUsers(db.sql, 8);
    const workout = await createWorkout(db.sql, me!);
    for (const fan of fans) await like(db, fan, workout);
    const first = (await notificationsOf(me!, { first: 3 })).notifications;
    const second = (await notificationsOf(me!, { first: 10, after: first.pageInfo.endCursor })).notifications;
    const numbers = [...first.edges, ...second.edges].map((e) => e.node.sequenceNumber);
    expect(numbers).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('is readable by its recipient only: node, nodes, notifications and unreadNotificationCount', async () => {
    const [me, fan, snoop] = await createUsers(db.sql, 3);
    await follow(fan!, me!);
    const id = present((await notificationsOf(me!)).notifications.edges[0], 'a notification').node.id;
    const Nodes = graphql(`query NotificationsNode($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }`);
    expect(expectData(await run(db, Nodes, { id }, { as: me!.id }))).toEqual({ node: { id }, nodes: [{ id }] });
    for (const as of [snoop!.id, fan!.id, undefined]) {
      expect(expectData(await run(db, Nodes, { id }, as === undefined ? {} : { as }))).toEqual({
        node: null,
        nodes: [null],
      });
    }
    const Other = graphql(
      `query NotificationsUser($id: ID!) { user(id: $id) { unreadNotificationCount notifications { edges { node { id } } } } }`,
    );
    expect(expectData(await run(db, Other, { id: me!.globalId }, { as: snoop!.id })).user).toEqual({
      unreadNotificationCount: null,
      notifications: { edges: [] },
    });
    expect(
      present(expectData(await run(db, Other, { id: me!.globalId })).user, 'the user').unreadNotificationCount,
    ).toBeNull();
  });

  it('reads a page of notifications with actor, workout and comment in the same statements as a page of one', async () => {
    const [me, ...fans] = await createUsers(db.sql, 11);
    const workout = await createWorkout(db.sql, me!);
    for (const fan of fans) {
      await like(db, fan, workout);
      await comment(db, fan, workout, 'yes');
    }
    const one = await run(db, Notifications, { first: 1 }, { as: me!.id });
    const twenty = await run(db, Notifications, { first: 20 }, { as: me!.id });
    expect(expectData(twenty).viewer?.notifications.edges).toHaveLength(20);
    expect(twenty.statements).toEqual(one.statements);
  });
});
