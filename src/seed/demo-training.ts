import { logWorkout } from '../domain/training';
import { createLoaders } from '../loaders';
import type { DemoContext } from './demo';
import { PROGRAM } from './training';

const DAY_MS = 86_400_000;
const WEEKS = 4;

/** Per demo user: how strong (times the program's base weights) and which weekdays they train. */
function planFor(index: number) {
  return {
    strength: 0.75 + (index % 5) * 0.12,
    // Offsets into the week: three or four sessions, different for each user.
    days: index % 2 === 0 ? [0, 2, 4] : [1, 3, 5, 6],
  };
}

/**
 * Four weeks of push/pull/legs for every demo user, logged through logWorkout so XP, levels,
 * LEVEL_UP events and counters come from the real rules. The user "demo" also trains each of the
 * last five days, so the streak shows. Weights climb 8% over the four weeks, most of it early, so
 * PERSONAL_RECORD events come from the real rules too.
 */
export async function demoWorkouts(demo: DemoContext): Promise<void> {
  const exerciseIds = new Map(
    (await demo.sql<{ id: number; name: string }[]>`/* demo:exercises */ select id, name from exercises`).map((row) => [
      row.name,
      row.id,
    ]),
  );
  const sessions = ['Push day', 'Pull day', 'Leg day'];
  const now = Date.now();
  const todayStart = now - (now % DAY_MS);
  const logged: number[] = [];

  for (const [index, [username, userId]] of [...demo.users.entries()].entries()) {
    const plan = planFor(index);
    const dayOffsets = new Set<number>();
    for (let week = 0; week < WEEKS; week += 1) for (const day of plan.days) dayOffsets.add(WEEKS * 7 - week * 7 - day);
    if (username === 'demo') for (let day = 1; day <= 5; day += 1) dayOffsets.add(day);
    const days = [...dayOffsets].filter((days) => days >= 1).sort((a, b) => b - a);
    const ctx = { sql: demo.sql, viewer: { id: userId, expiresAt: null }, loaders: createLoaders(demo.sql, userId) };

    for (const [n, daysAgo] of days.entries()) {
      const session = sessions[(n + index) % sessions.length]!;
      // Quick gains in the first weeks, then a plateau: records come early and then now and then.
      const progress = 1 + 0.08 * (1 - Math.exp(-(WEEKS * 7 - daysAgo) / 10));
      const sets = PROGRAM.filter((lift) => lift.session === session).flatMap((lift, slot) =>
        Array.from({ length: slot < 2 ? 3 : 2 }, (_, i) => ({
          exerciseId: exerciseIds.get(lift.exercise)!,
          reps: lift.reps + (i === 0 ? 1 : 0),
          weightKg: Math.round((lift.baseKg * plan.strength * progress) / 2.5) * 2.5,
        })),
      );
      const startedAt = new Date(todayStart - daysAgo * DAY_MS + (7 + (index % 12)) * 3_600_000);
      const result = await logWorkout(ctx, { title: session, startedAt, durationSeconds: 3300 + 60 * n, sets });
      if (!result.ok) throw new Error(`Demo workout rejected: ${JSON.stringify(result.errors)}`);
      logged.push(result.value.workout.id);
    }
  }

  // Logged just now, but the feed should read as if each workout was logged when it ended: move the
  // workouts' events (and the LEVEL_UP and PERSONAL_RECORD each one caused, written in the same
  // transaction) back to then.
  await demo.sql`/* demo:backdateActivity */
    with logged as (
      select a.user_id, a.created_at as logged_at, w.started_at + make_interval(secs => w.duration_seconds) as ended_at, w.id
        from activity_events a join workouts w on w.id = a.workout_id
       where a.type = 'WORKOUT_LOGGED' and w.id = any(${logged}::bigint[])),
    moved_workouts as (
      update workouts w set created_at = logged.ended_at from logged where w.id = logged.id)
    update activity_events a set created_at = logged.ended_at
      from logged
     where a.user_id = logged.user_id and a.created_at = logged.logged_at
       and a.type in ('WORKOUT_LOGGED', 'LEVEL_UP', 'PERSONAL_RECORD')`;
}
