import { describe, expect, it } from 'vitest';
import { graphql } from './gql';
import { errorCodes, expectData, present, run } from './kit/client';
import {
  CommentOnWorkout,
  comment,
  createWorkout,
  DeleteComment,
  LikeWorkout,
  like,
  storedNotifications,
  unlike,
} from './kit/interactions';
import { createUsers, globalId } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

const WorkoutLikes = graphql(`
  query WorkoutLikes($id: ID!, $first: Int, $after: String) {
    workout(id: $id) {
      likeCount viewerHasLiked
      likes(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
    }
  }`);

const WorkoutComments = graphql(`
  query WorkoutComments($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    workout(id: $id) {
      commentCount
      comments(first: $first, after: $after, last: $last, before: $before) {
        edges { node { id body author { id } workout { id } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }`);

describe('Mutation.likeWorkout / unlikeWorkout', () => {
  it('likes once, unlikes, and keeps likeCount and viewerHasLiked true to the rows', async () => {
    const [owner, fan] = await createUsers(db.sql, 2);
    const workout = await createWorkout(db.sql, owner!);
    expect(await like(db, fan!, workout)).toEqual({
      workout: { id: workout.globalId, likeCount: 1, viewerHasLiked: true },
      errors: [],
    });
    // Liking again changes nothing and is no error.
    expect((await like(db, fan!, workout)).workout).toMatchObject({ likeCount: 1, viewerHasLiked: true });
    expect(await unlike(db, fan!, workout)).toEqual({
      workout: { id: workout.globalId, likeCount: 0, viewerHasLiked: false },
      errors: [],
    });
    // Unliking one not liked changes nothing and is no error.
    expect((await unlike(db, fan!, workout)).workout).toMatchObject({ likeCount: 0, viewerHasLiked: false });
    const [{ n }] = await db.sql<
      [{ n: number }]
    >`select count(*)::int as n from workout_likes where workout_id = ${workout.id}`;
    expect(n).toBe(0);
  });

  it('refuses one’s own workout, a missing workout and an anonymous caller, writing nothing', async () => {
    const [owner] = await createUsers(db.sql, 1);
    const workout = await createWorkout(db.sql, owner!);
    expect(await like(db, owner!, workout)).toEqual({
      workout: null,
      errors: [{ code: 'VALIDATION', message: expect.any(String), field: 'workoutId' }],
    });
    expect((await like(db, owner!, { id: 0, globalId: globalId('Workout', 999_999_999) })).errors).toMatchObject([
      { code: 'NOT_FOUND', field: 'workoutId' },
    ]);
    const anonymous = expectData(await run(db, LikeWorkout, { input: { workoutId: workout.globalId } }));
    expect(anonymous.likeWorkout.errors).toMatchObject([{ code: 'UNAUTHENTICATED' }]);
    const malformed = await run(db, LikeWorkout, { input: { workoutId: 'nope' } }, { as: owner!.id });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    const [{ likes, notifications }] = await db.sql<[{ likes: number; notifications: number }]>`
      select (select count(*)::int from workout_likes where workout_id = ${workout.id}) as likes,
             (select count(*)::int from notifications where recipient_id = ${owner!.id}) as notifications`;
    expect({ likes, notifications }).toEqual({ likes: 0, notifications: 0 });
  });

  it('lists likers most recent first, in keyset pages; viewerHasLiked is false when anonymous', async () => {
    const [owner, ...fans] = await createUsers(db.sql, 6);
    const workout = await createWorkout(db.sql, owner!);
    for (const fan of fans) await like(db, fan, workout);
    const first = present(
      expectData(await run(db, WorkoutLikes, { id: workout.globalId, first: 3 })).workout,
      'the workout',
    );
    expect(first.likeCount).toBe(5);
    expect(first.viewerHasLiked).toBe(false);
    const after = first.likes.pageInfo.endCursor;
    const rest = present(
      expectData(await run(db, WorkoutLikes, { id: workout.globalId, first: 3, after })).workout,
      'the workout',
    );
    const order = [...first.likes.edges, ...rest.likes.edges].map((e) => e.node.id);
    expect(order).toEqual(fans.map((f) => f.globalId).reverse());
    expect(first.likes.pageInfo.hasNextPage).toBe(true);
    expect(rest.likes.pageInfo.hasNextPage).toBe(false);
  });
});

describe('Mutation.commentOnWorkout / deleteComment', () => {
  it('comments with a trimmed body and counts it; anyone reads comments, oldest first, both ways', async () => {
    const [owner, a, b] = await createUsers(db.sql, 3);
    const workout = await createWorkout(db.sql, owner!);
    const made = await comment(db, a!, workout, '  Strong!  ');
    expect(made).toMatchObject({
      comment: { body: 'Strong!', author: { id: a!.globalId }, workout: { id: workout.globalId, commentCount: 1 } },
      errors: [],
    });
    await comment(db, b!, workout, 'second');
    await comment(db, owner!, workout, 'third, from the owner');
    const all = present(expectData(await run(db, WorkoutComments, { id: workout.globalId })).workout, 'the workout');
    expect(all.commentCount).toBe(3);
    expect(all.comments.edges.map((e) => e.node.body)).toEqual(['Strong!', 'second', 'third, from the owner']);
    const newest = present(
      expectData(await run(db, WorkoutComments, { id: workout.globalId, last: 2 })).workout,
      'the workout',
    ).comments;
    expect(newest.edges.map((e) => e.node.body)).toEqual(['second', 'third, from the owner']);
    expect(newest.pageInfo.hasPreviousPage).toBe(true);
    const before = present(
      expectData(await run(db, WorkoutComments, { id: workout.globalId, last: 2, before: newest.pageInfo.startCursor }))
        .workout,
      'the workout',
    ).comments;
    expect(before.edges.map((e) => e.node.body)).toEqual(['Strong!']);
    // The Comment node, anonymously.
    const node = expectData(
      await run(
        db,
        graphql(`query InteractionsNode($id: ID!) { node(id: $id) { ... on Comment { body author { id } } } }`),
        {
          id: present(made.comment, 'made.comment').id,
        },
      ),
    );
    expect(node.node).toEqual({ body: 'Strong!', author: { id: a!.globalId } });
  });

  it('validates the body (1..2000 after trimming, no NUL) and the workout, writing nothing', async () => {
    const [owner, a] = await createUsers(db.sql, 2);
    const workout = await createWorkout(db.sql, owner!);
    for (const body of ['', '   ', 'x'.repeat(2001), 'a\u0000b']) {
      expect((await comment(db, a!, workout, body)).errors).toMatchObject([{ code: 'VALIDATION', field: 'body' }]);
    }
    expect((await comment(db, a!, workout, 'y'.repeat(2000))).errors).toEqual([]);
    const missing = await comment(db, a!, { id: 0, globalId: globalId('Workout', 999_999_998) }, 'hello');
    expect(missing.errors).toMatchObject([{ code: 'NOT_FOUND', field: 'workoutId' }]);
    const anonymous = expectData(
      await run(db, CommentOnWorkout, { input: { workoutId: workout.globalId, body: 'hi' } }),
    ).commentOnWorkout;
    expect(anonymous.errors).toMatchObject([{ code: 'UNAUTHENTICATED' }]);
    const [{ n, count }] = await db.sql<[{ n: number; count: number }]>`
      select (select count(*)::int from comments where workout_id = ${workout.id}) as n,
             (select comment_count from workouts where id = ${workout.id}) as count`;
    expect({ n, count }).toEqual({ n: 1, count: 1 });
  });

  it('lets the author or the workout’s owner delete a comment; anyone else is FORBIDDEN', async () => {
    const [owner, author, other] = await createUsers(db.sql, 3);
    const workout = await createWorkout(db.sql, owner!);
    const first = present((await comment(db, author!, workout, 'first')).comment, 'the first comment').id;
    const second = present((await comment(db, author!, workout, 'second')).comment, 'the second comment').id;
    const remove = async (as: number, commentId: string) =>
      expectData(await run(db, DeleteComment, { input: { commentId } }, { as })).deleteComment;
    expect(await remove(other!.id, first)).toEqual({
      deletedCommentId: null,
      workout: null,
      errors: [{ code: 'FORBIDDEN', field: 'commentId' }],
    });
    expect(await remove(author!.id, first)).toEqual({
      deletedCommentId: first,
      workout: { id: workout.globalId, commentCount: 1 },
      errors: [],
    });
    expect(await remove(owner!.id, second)).toMatchObject({
      deletedCommentId: second,
      workout: { commentCount: 0 },
    });
    expect((await remove(owner!.id, second)).errors).toEqual([{ code: 'NOT_FOUND', field: 'commentId' }]);
  });
});

describe('Mutation.deleteWorkout with likes and comments', () => {
  it('deletes its likes and comments; the notifications stay, numbered as before, with their subject null', async () => {
    const [owner, fan] = await createUsers(db.sql, 2);
    const doomed = await createWorkout(db.sql, owner!);
    const kept = await createWorkout(db.sql, owner!);
    await like(db, fan!, doomed);
    const commentId = present((await comment(db, fan!, doomed, 'nice')).comment, 'the comment').id;
    await like(db, fan!, kept);
    const deleted = await run(
      db,
      graphql(
        `mutation InteractionsDeleteWorkout($input: DeleteWorkoutInput!) { deleteWorkout(input: $input) { deletedWorkoutId errors { code } } }`,
      ),
      { input: { workoutId: doomed.globalId } },
      { as: owner!.id },
    );
    expect(expectData(deleted).deleteWorkout.errors).toEqual([]);
    const [{ likes, comments }] = await db.sql<[{ likes: number; comments: number }]>`
      select (select count(*)::int from workout_likes where workout_id = ${doomed.id}) as likes,
             (select count(*)::int from comments where workout_id = ${doomed.id}) as comments`;
    expect({ likes, comments }).toEqual({ likes: 0, comments: 0 });

    const page = present(
      expectData(
        await run(
          db,
          graphql(
            `query InteractionsViewer { viewer { notifications { edges { node { sequenceNumber kind workout { id } comment { id } actor { id } } } } } }`,
          ),
          {},
          { as: owner!.id },
        ),
      ).viewer,
      'the viewer',
    ).notifications.edges.map((e) => e.node);
    expect(page).toEqual([
      {
        sequenceNumber: 3,
        kind: 'WORKOUT_LIKED',
        workout: { id: kept.globalId },
        comment: null,
        actor: { id: fan!.globalId },
      },
      { sequenceNumber: 2, kind: 'WORKOUT_COMMENTED', workout: null, comment: null, actor: { id: fan!.globalId } },
      { sequenceNumber: 1, kind: 'WORKOUT_LIKED', workout: null, comment: null, actor: { id: fan!.globalId } },
    ]);
    expect(commentId).toBeTruthy();
    expect((await storedNotifications(db.sql, owner!)).map((n) => n.sequenceNumber)).toEqual([1, 2, 3]);
  });
});

describe('Workout like and comment fields in lists', () => {
  it('answers likeCount, viewerHasLiked and the first comments of a whole page in the same statements as of one workout', async () => {
    const [owner, viewer, other] = await createUsers(db.sql, 3);
    const workouts = [];
    for (let i = 0; i < 12; i += 1) workouts.push(await createWorkout(db.sql, owner!));
    for (const [i, workout] of workouts.entries()) {
      if (i % 2 === 0) await like(db, viewer!, workout);
      await like(db, other!, workout);
      await comment(db, other!, workout, `c${i}a`);
      await comment(db, viewer!, workout, `c${i}b`);
      await comment(db, other!, workout, `c${i}c`);
    }
    const Page = graphql(`
      query Page($id: ID!, $first: Int!) { user(id: $id) { workouts(first: $first) { edges { node {
        likeCount viewerHasLiked commentCount
        comments(first: 2) { edges { node { body author { username } } } pageInfo { hasNextPage } }
      } } } } }`);
    const one = await run(db, Page, { id: owner!.globalId, first: 1 }, { as: viewer!.id });
    const twelve = await run(db, Page, { id: owner!.globalId, first: 12 }, { as: viewer!.id });
    expect(twelve.statements).toEqual(one.statements);
    const nodes = present(expectData(twelve).user, 'the user').workouts.edges.map((e) => e.node);
    expect(nodes).toHaveLength(12);
    // Newest first: the last inserted workout (i = 11) leads.
    expect(nodes[0]).toMatchObject({
      likeCount: 1,
      viewerHasLiked: false,
      commentCount: 3,
      comments: { edges: [{ node: { body: 'c11a' } }, { node: { body: 'c11b' } }], pageInfo: { hasNextPage: true } },
    });
    expect(nodes[1]).toMatchObject({ likeCount: 2, viewerHasLiked: true });
    expect(one.statements).toEqual(expect.arrayContaining(['loader:viewerHasLiked', 'loader:commentsByWorkoutId']));
  });
});
