import { describe, expect, it } from 'vitest';
import { graphql } from '../gql';
import { expectData, present, run } from '../kit/client';
import {
  CommentOnWorkout,
  createWorkout,
  DeleteComment,
  LikeWorkout,
  MarkNotificationsRead,
  storedNotifications,
  UnlikeWorkout,
} from '../kit/interactions';
import { send, startConversation } from '../kit/messaging';
import { createUsers } from '../kit/seed';
import { useTestDatabase } from '../setup/db';

const db = useTestDatabase();

const LIKE_ONLY = graphql(
  `mutation RaceInteractionsLikeWorkout($input: WorkoutLikeInput!) { likeWorkout(input: $input) { errors { code } } }`,
);

async function counters(workoutId: number) {
  const [row] = await db.sql`
    select w.like_count, w.comment_count,
           (select count(*)::int from workout_likes where workout_id = w.id) as likes,
           (select count(*)::int from comments where workout_id = w.id) as comments
      from workouts w where w.id = ${workoutId}`;
  return row!;
}

describe('likes under concurrency', () => {
  it('counts 50 users liking one workout at once as 50, and numbers the owner’s 50 notifications 1..50', async () => {
    const [owner, ...fans] = await createUsers(db.sql, 51);
    const workout = await createWorkout(db.sql, owner!);
    const results = await Promise.all(
      fans.map((fan) => run(db, LikeWorkout, { input: { workoutId: workout.globalId } }, { as: fan.id })),
    );
    for (const result of results) expect(expectData(result).likeWorkout.errors).toEqual([]);
    expect(await counters(workout.id)).toMatchObject({ likeCount: 50, likes: 50 });
    const numbers = (await storedNotifications(db.sql, owner!)).map((n) => n.sequenceNumber);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('counts one user liking ten times at once as one like and one notification', async () => {
    const [owner, fan] = await createUsers(db.sql, 2);
    const workout = await createWorkout(db.sql, owner!);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        run(db, LikeWorkout, { input: { workoutId: workout.globalId } }, { as: fan!.id }),
      ),
    );
    expect(await counters(workout.id)).toMatchObject({ likeCount: 1, likes: 1 });
    expect(await storedNotifications(db.sql, owner!)).toHaveLength(1);
  });

  it('notifies once when one user races likes and unlikes of one workout', async () => {
    const [owner, fan, other] = await createUsers(db.sql, 3);
    const workout = await createWorkout(db.sql, owner!);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? run(db, LikeWorkout, { input: { workoutId: workout.globalId } }, { as: fan!.id })
          : run(db, UnlikeWorkout, { input: { workoutId: workout.globalId } }, { as: fan!.id }),
      ),
    );
    const { likeCount, likes } = await counters(workout.id);
    expect(likeCount).toBe(likes);
    // A skipped repeat took no number: the next act of someone else is 2, not 2 + the repeats.
    await run(db, LikeWorkout, { input: { workoutId: workout.globalId } }, { as: other!.id });
    expect((await storedNotifications(db.sql, owner!)).map((n) => n.sequenceNumber)).toEqual([1, 2]);
  });

  it('is one statement: the workout’s and the owner’s hot rows are locked for that statement alone', async () => {
    const [owner, fan] = await createUsers(db.sql, 2);
    const workout = await createWorkout(db.sql, owner!);
    const result = await run(db, LIKE_ONLY, { input: { workoutId: workout.globalId } }, { as: fan!.id });
    expect(result.statements).toEqual(['interactions:like']);
  });
});

describe('notification numbers under concurrent actors', () => {
  it('numbers likes, comments, follows and reactions racing for one recipient 1..N with no gap or repeat', async () => {
    const [me, ...actors] = await createUsers(db.sql, 21);
    const workouts = [await createWorkout(db.sql, me!), await createWorkout(db.sql, me!)];
    const chat = await startConversation(db, me!, actors.slice(0, 10));
    const message = (await send(db, me!, chat.id, 'react to me')).message!;
    const calls = actors.flatMap((actor, i) => [
      run(db, LikeWorkout, { input: { workoutId: workouts[i % 2]!.globalId } }, { as: actor.id }),
      run(db, CommentOnWorkout, { input: { workoutId: workouts[0]!.globalId, body: `go ${i}` } }, { as: actor.id }),
      run(
        db,
        graphql(`mutation RaceInteractionsFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }`),
        { input: { userId: me!.globalId } },
        { as: actor.id },
      ),
      ...(i < 10
        ? [
            run(
              db,
              graphql(
                `mutation RaceInteractionsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }`,
              ),
              { input: { messageId: message.id, emoji: '🔥' } },
              { as: actor.id },
            ),
          ]
        : []),
    ]);
    const results = await Promise.all(calls);
    for (const result of results) expect(Object.values(expectData(result))[0]).toMatchObject({ errors: [] });
    const stored = await storedNotifications(db.sql, me!);
    expect(stored.map((n) => n.sequenceNumber)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    const [state] = await db.sql`select last_sequence_number from notification_states where user_id = ${me!.id}`;
    expect(state!.lastSequenceNumber).toBe(70);
  });

  it('keeps the read mark at the highest number asked, clamped, when marks race', async () => {
    const [me, ...fans] = await createUsers(db.sql, 11);
    const workout = await createWorkout(db.sql, me!);
    await Promise.all(
      fans.map((fan) => run(db, LikeWorkout, { input: { workoutId: workout.globalId } }, { as: fan.id })),
    );
    await Promise.all(
      [3, 9, 1, 50, 7, 2].map((upToSequenceNumber) =>
        run(db, MarkNotificationsRead, { input: { upToSequenceNumber } }, { as: me!.id }),
      ),
    );
    const [state] = await db.sql`
      select last_sequence_number, last_read_sequence_number from notification_states where user_id = ${me!.id}`;
    expect(state).toEqual({ lastSequenceNumber: 10, lastReadSequenceNumber: 10 });
  });
});

describe('comments under concurrency', () => {
  it('keeps commentCount equal to COUNT(*) while comments are added and deleted at once', async () => {
    const [owner, ...authors] = await createUsers(db.sql, 11);
    const workout = await createWorkout(db.sql, owner!);
    const first = await Promise.all(
      authors.map((author) =>
        run(db, CommentOnWorkout, { input: { workoutId: workout.globalId, body: 'first' } }, { as: author.id }),
      ),
    );
    const ids = first.map((result) => present(expectData(result).commentOnWorkout.comment, 'the new comment').id);
    await Promise.all([
      ...ids.map((commentId, i) => run(db, DeleteComment, { input: { commentId } }, { as: authors[i]!.id })),
      ...authors.map((author) =>
        run(db, CommentOnWorkout, { input: { workoutId: workout.globalId, body: 'second' } }, { as: author.id }),
      ),
    ]);
    expect(await counters(workout.id)).toMatchObject({ commentCount: 10, comments: 10 });
    // Twenty comments, twenty notifications, numbers intact after half the comments went.
    expect((await storedNotifications(db.sql, owner!)).map((n) => n.sequenceNumber)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });
});
