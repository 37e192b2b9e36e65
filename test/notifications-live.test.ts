import { type ExecutionResult, print } from 'graphql';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signToken } from '../src/auth/tokens';
import { graphql } from './gql';
import type { NotificationAddedSubscription } from './gql/graphql';
import { comment, createWorkout, like } from './kit/interactions';
import { useSecondProcess } from './kit/processes';
import { createUsers } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();
const secondProcess = useSecondProcess(db);

const NotificationAdded = graphql(`
  subscription NotificationAdded($after: Int) {
    notificationAdded(afterSequenceNumber: $after) {
      sequenceNumber kind read actor { id } workout { id likeCount } comment { body }
    }
  }`);

const numbersOf = (results: ExecutionResult<NotificationAddedSubscription>[]) =>
  results.map((r) => r.data?.notificationAdded.sequenceNumber);

describe('Subscription.notificationAdded', () => {
  it('delivers over SSE a like made through another server process', async () => {
    const [me, fan] = await createUsers(db.sql, 2);
    const workout = await createWorkout(db.sql, me!);
    const stream = await subscribeSse(db, NotificationAdded, {}, { as: me!.id });
    expect(stream.status).toBe(200);
    await like(secondProcess(), fan!, workout);
    await comment(db, fan!, workout, 'Monster set');
    const [liked, commented] = await stream.take(2);
    expect(liked!.data).toEqual({
      notificationAdded: {
        sequenceNumber: 1,
        kind: 'WORKOUT_LIKED',
        read: false,
        actor: { id: fan!.globalId },
        workout: { id: workout.globalId, likeCount: 1 },
        comment: null,
      },
    });
    expect(commented!.data!.notificationAdded).toMatchObject({
      sequenceNumber: 2,
      kind: 'WORKOUT_COMMENTED',
      comment: { body: 'Monster set' },
    });
    await stream.cancel();
  });

  it('replays after the mark, then goes live: every number once, in order, while others act on two processes', async () => {
    const [me, ...fans] = await createUsers(db.sql, 41);
    const workouts = await Promise.all(Array.from({ length: 3 }, () => createWorkout(db.sql, me!)));
    // A backlog of 60 notifications, inserted through the numbering trigger.
    await db.sql`
      insert into notifications (recipient_id, kind, actor_id, act_key)
      select ${me!.id}, 'NEW_FOLLOWER', ${fans[0]!.id}, 'backlog:' || g from generate_series(1, 60) g`;
    let acted = 0;
    const actor = async (through: typeof db, from: number) => {
      for (let i = from; i < from + 20; i += 1) {
        await like(through, fans[i]!, workouts[i % 3]!);
        acted += 1;
      }
    };
    const actors = Promise.all([actor(db, 0), actor(secondProcess(), 20)]);
    while (acted < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    const stream = await subscribeSse(db, NotificationAdded, { after: 10 }, { as: me!.id });
    await actors;
    const results = await stream.take(90, 20_000);
    expect(numbersOf(results)).toEqual(Array.from({ length: 90 }, (_, i) => i + 11));
    await like(db, fans[0]!, workouts[1]!);
    expect(numbersOf(await stream.take(1))).toEqual([101]);
    await stream.cancel();
  });

  it('delivers only the viewer’s own notifications', async () => {
    const [me, other, fan] = await createUsers(db.sql, 3);
    const mine = await createWorkout(db.sql, me!);
    const theirs = await createWorkout(db.sql, other!);
    const stream = await subscribeSse(db, NotificationAdded, {}, { as: me!.id });
    await like(db, fan!, theirs);
    await like(db, fan!, mine);
    const [only] = await stream.take(1);
    expect(only?.data?.notificationAdded.workout?.id).toBe(mine.globalId);
    await expect(stream.take(1, 300)).rejects.toThrow(/Timed out/);
    await stream.cancel();
  });

  it('ends the stream when the token expires', async () => {
    const [me, fan] = await createUsers(db.sql, 2);
    const workout = await createWorkout(db.sql, me!);
    const token = await signToken(me!.id, db.config.jwtSecret, '2s');
    const stream = await subscribeSse(db, NotificationAdded, {}, { authorization: `Bearer ${token}` });
    await like(db, fan!, workout);
    expect(numbersOf(await stream.take(1))).toEqual([1]);
    await stream.ended(5_000);
  });

  it('refuses an anonymous caller', async () => {
    const stream = await subscribeSse(db, NotificationAdded, {});
    const [result] = await stream.take(1);
    expect(result!.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    await stream.ended();
  });

  it('works over WebSocket (graphql-transport-ws), fed by the other process', async () => {
    const [me, fan] = await createUsers(db.sql, 2);
    const workout = await createWorkout(db.sql, me!);
    const port = await db.app.listen(0);
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${await signToken(me!.id, db.config.jwtSecret)}` },
    });
    const iterator = client.iterate<{ notificationAdded: { sequenceNumber: number; kind: string } }>({
      query: print(NotificationAdded),
      variables: { after: 0 },
    });
    const first = iterator.next();
    await like(secondProcess(), fan!, workout);
    expect((await first).value?.data?.notificationAdded).toMatchObject({ sequenceNumber: 1, kind: 'WORKOUT_LIKED' });
    await iterator.return?.();
    await client.dispose();
  });
});
