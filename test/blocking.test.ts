import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { graphql } from './gql';
import { expectData, run } from './kit/client';
import { CommentOnWorkout, createWorkout, LikeWorkout, storedNotifications } from './kit/interactions';
import { CreateConversation, send, startConversation } from './kit/messaging';
import { BlockUser, block, driftedFollowCounters, Follow, follow, unblock } from './kit/privacy';
import { createUsers } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

const Relation = graphql(`
  query BlockRelation($id: ID!) {
    user(id: $id) { followerCount followingCount viewerIsFollowing viewerHasBlocked }
  }`);

const BlockedUsers = graphql(`
  query BlockedUsers($id: ID!, $first: Int, $after: String) {
    user(id: $id) {
      blockedUsers(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
    }
  }`);

const React = graphql(`
  mutation BlockingAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }`);

const followCount = async (a: number, b: number) =>
  (
    await db.sql<[{ n: number }]>`
      select count(*)::int as n from follows
       where (follower_id, followee_id) in ((${a}, ${b}), (${b}, ${a}))`
  )[0].n;

describe('Mutation.blockUser', () => {
  it('removes the follows both ways with their FOLLOWED events, keeping both users’ counters exact', async () => {
    const [me, other, bystander] = await createUsers(db.sql, 3);
    await follow(db, me!, other!);
    await follow(db, other!, me!);
    await follow(db, bystander!, me!);
    const blocked = await block(db, me!, other!);
    expect(blocked).toEqual({
      user: {
        id: other!.globalId,
        followerCount: 0,
        followingCount: 0,
        viewerHasBlocked: true,
        viewerIsFollowing: false,
      },
      viewer: { id: me!.globalId, followerCount: 1, followingCount: 0 },
      errors: [],
    });
    expect(await followCount(me!.id, other!.id)).toBe(0);
    expect(await driftedFollowCounters(db)).toEqual([]);
    const [{ events }] = await db.sql<[{ events: number }]>`
      select count(*)::int as events from activity_events
       where type = 'FOLLOWED' and user_id in (${me!.id}, ${other!.id}) and subject_id in (${me!.id}, ${other!.id})`;
    expect(events).toBe(0);
    // The blocked user sees no block of their own.
    const seen = expectData(await run(db, Relation, { id: me!.globalId }, { as: other!.id })).user;
    expect(seen).toMatchObject({ viewerHasBlocked: false, viewerIsFollowing: false });
  });

  it('is VALIDATION on oneself, changes nothing when repeated, and unblocking restores no follow', async () => {
    const [me, other] = await createUsers(db.sql, 2);
    expect((await block(db, me!, me!)).errors).toMatchObject([{ code: 'VALIDATION', field: 'userId' }]);
    await follow(db, me!, other!);
    expect((await block(db, me!, other!)).errors).toEqual([]);
    expect((await block(db, me!, other!)).errors).toEqual([]);
    const [{ blocks }] = await db.sql<[{ blocks: number }]>`
      select count(*)::int as blocks from blocks where blocker_id = ${me!.id}`;
    expect(blocks).toBe(1);
    expect(await unblock(db, me!, other!)).toMatchObject({
      user: { viewerHasBlocked: false, viewerIsFollowing: false },
      errors: [],
    });
    expect((await unblock(db, me!, other!)).errors).toEqual([]);
    expect(await followCount(me!.id, other!.id)).toBe(0);
    // Once unblocked, either may follow again.
    expect((await follow(db, me!, other!)).errors).toEqual([]);
    expect((await follow(db, other!, me!)).errors).toEqual([]);
  });

  it('answers UNAUTHENTICATED when anonymous and NOT_FOUND for a user who does not exist', async () => {
    const [me] = await createUsers(db.sql, 1);
    const anonymous = expectData(await run(db, BlockUser, { input: { userId: me!.globalId } }));
    expect(anonymous.blockUser.errors).toMatchObject([{ code: 'UNAUTHENTICATED' }]);
    const missing = expectData(await run(db, BlockUser, { input: { userId: btoa('User:999999999') } }, { as: me!.id }));
    expect(missing.blockUser.errors).toMatchObject([{ code: 'NOT_FOUND', field: 'userId' }]);
  });
});

describe('while a block lasts', () => {
  it('refuses a follow either way with FORBIDDEN, writing nothing', async () => {
    const [me, other] = await createUsers(db.sql, 2);
    await block(db, me!, other!);
    for (const [by, of] of [
      [me!, other!],
      [other!, me!],
    ] as const) {
      const result = expectData(await run(db, Follow, { input: { userId: of.globalId } }, { as: by.id })).follow;
      expect(result.errors).toMatchObject([{ code: 'FORBIDDEN', field: 'userId' }]);
    }
    expect(await followCount(me!.id, other!.id)).toBe(0);
    expect(await driftedFollowCounters(db)).toEqual([]);
  });

  it('refuses likes and comments on the other’s workouts either way, and notifies nobody', async () => {
    const [me, other] = await createUsers(db.sql, 2);
    const mine = await createWorkout(db.sql, me!);
    const theirs = await createWorkout(db.sql, other!);
    await block(db, other!, me!);
    for (const [by, workout] of [
      [me!, theirs],
      [other!, mine],
    ] as const) {
      const liked = expectData(await run(db, LikeWorkout, { input: { workoutId: workout.globalId } }, { as: by.id }));
      expect(liked.likeWorkout.errors).toMatchObject([{ code: 'FORBIDDEN', field: 'workoutId' }]);
      const commented = expectData(
        await run(db, CommentOnWorkout, { input: { workoutId: workout.globalId, body: 'Hi' } }, { as: by.id }),
      );
      expect(commented.commentOnWorkout.errors).toMatchObject([{ code: 'FORBIDDEN', field: 'workoutId' }]);
    }
    expect(await storedNotifications(db.sql, me!)).toEqual([]);
    expect(await storedNotifications(db.sql, other!)).toEqual([]);
  });

  it('refuses a new conversation that includes the other, from either side, but not one a third user starts', async () => {
    const [me, other, third] = await createUsers(db.sql, 3);
    await block(db, me!, other!);
    for (const [by, withUser] of [
      [me!, other!],
      [other!, me!],
    ] as const) {
      const result = expectData(
        await run(
          db,
          CreateConversation,
          { input: { title: 'No', memberIds: [third!.globalId, withUser.globalId] } },
          { as: by.id },
        ),
      ).createConversation;
      expect(result).toMatchObject({ conversation: null, errors: [{ code: 'FORBIDDEN', field: 'memberIds' }] });
    }
    await startConversation(db, third!, [me!, other!], 'Both invited by someone else');
  });

  it('leaves a conversation both were in as it was, and a reaction there notifies nobody across the block', async () => {
    const [me, other, third] = await createUsers(db.sql, 3);
    const conversation = await startConversation(db, me!, [other!, third!]);
    const mine = await send(db, me!, conversation.id, 'Before the block');
    await block(db, me!, other!);
    const theirs = await send(db, other!, conversation.id, 'Still here');
    expect(theirs.errors).toEqual([]);
    const react = async (by: typeof me, messageId: string) =>
      expectData(await run(db, React, { input: { messageId, emoji: '🔥' } }, { as: by!.id })).addReaction.errors;
    expect(await react(other, mine.message!.id)).toEqual([]);
    expect(await react(me, theirs.message!.id)).toEqual([]);
    expect(await react(third, mine.message!.id)).toEqual([]);
    expect((await storedNotifications(db.sql, me!)).map((n) => n.actorId)).toEqual([third!.id]);
    expect(await storedNotifications(db.sql, other!)).toEqual([]);
    const [{ members }] = await db.sql<[{ members: number }]>`
      select count(*)::int as members from conversation_members where conversation_id = ${conversation.dbId}`;
    expect(members).toBe(3);
  });

  it('keeps one refusal in the database for acts still to come (a team invitation calls refuse_across_block)', async () => {
    const [me, other, third] = await createUsers(db.sql, 3);
    await block(db, other!, me!);
    const refusal = db.sql`select refuse_across_block(${me!.id}::bigint, ${other!.id}::bigint, 'team_invites')`;
    await expect(refusal).rejects.toMatchObject({ constraint_name: 'blocked_pair', table_name: 'team_invites' });
    await expect(refusal).rejects.toBeInstanceOf(postgres.PostgresError);
    await db.sql`select refuse_across_block(${me!.id}::bigint, ${third!.id}::bigint, 'team_invites')`;
  });
});

describe('User.viewerHasBlocked / User.blockedUsers', () => {
  it('lists the viewer’s blocks, most recent first, in pages; empty for anyone else, false when anonymous', async () => {
    const [me, a, b, c] = await createUsers(db.sql, 4);
    for (const user of [a!, b!, c!]) await block(db, me!, user);
    const first = expectData(await run(db, BlockedUsers, { id: me!.globalId, first: 2 }, { as: me!.id })).user!;
    expect(first.blockedUsers.edges.map((e) => e.node.id)).toEqual([c!.globalId, b!.globalId]);
    expect(first.blockedUsers.pageInfo.hasNextPage).toBe(true);
    const next = expectData(
      await run(
        db,
        BlockedUsers,
        { id: me!.globalId, first: 2, after: first.blockedUsers.pageInfo.endCursor },
        { as: me!.id },
      ),
    ).user!;
    expect(next.blockedUsers.edges.map((e) => e.node.id)).toEqual([a!.globalId]);
    expect(next.blockedUsers.pageInfo.hasNextPage).toBe(false);
    for (const as of [a!.id, undefined]) {
      const other = expectData(await run(db, BlockedUsers, { id: me!.globalId, first: 10 }, as ? { as } : {})).user!;
      expect(other.blockedUsers.edges).toEqual([]);
    }
    const anonymous = expectData(await run(db, Relation, { id: a!.globalId })).user;
    expect(anonymous?.viewerHasBlocked).toBe(false);
    expect(expectData(await run(db, Relation, { id: a!.globalId }, { as: me!.id })).user?.viewerHasBlocked).toBe(true);
  });
});
