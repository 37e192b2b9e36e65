import { describe, expect, it } from 'vitest';
import { seedAtScale } from '../src/seed/scale';
import { scaleSteps } from '../src/seed/steps';
import { expectData, run } from './kit/client';
import { bruteForceRecords, storedRecords } from './kit/records';
import { driftedGoals, driftedTeams } from './kit/teams';
import { exercises, LOG_WORKOUT } from './kit/training';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

describe('npm run seed', () => {
  it('loads workouts, sets and activity in bulk with every denormalized figure exact, and turns the triggers back on', async () => {
    const write = process.stderr.write;
    process.stderr.write = () => true;
    try {
      await seedAtScale(db.sql, { users: 300, batch: 100 }, scaleSteps);
    } finally {
      process.stderr.write = write;
    }
    const [figures] = await db.sql`
      select (select count(*)::int from users) as users,
             (select count(*)::int from workouts where distance_meters = 0) as workouts,
             (select count(*)::int from workouts where distance_meters > 0) as distance_workouts,
             (select count(*)::int from workout_sets) as sets,
             (select count(*)::int from users u where xp <> (select coalesce(sum(xp_earned), 0) from workouts where user_id = u.id)
                 or workout_count <> (select count(*) from workouts where user_id = u.id)) as user_drift,
             (select count(*)::int from workouts w where set_count <> (select count(*) from workout_sets where workout_id = w.id)
                 or total_volume_kg <> (select coalesce(sum(reps * weight_kg), 0) from workout_sets where workout_id = w.id)) as workout_drift,
             (select count(*)::int from workouts w where not exists (
                 select 1 from activity_events a where a.workout_id = w.id and a.type = 'WORKOUT_LOGGED')) as unannounced,
             (select count(*)::int from users u where level > 1 and not exists (
                 select 1 from activity_events a where a.user_id = u.id and a.type = 'LEVEL_UP' and a.level = u.level)) as missing_level_ups,
             (select count(*)::int from follows) as follows,
             (select count(*)::int from activity_events where type = 'FOLLOWED') as followed_events,
             (select count(*)::int from workouts where started_at > now() or started_at < now() - interval '181 days') as out_of_range`;
    expect(figures).toMatchObject({
      users: 300,
      userDrift: 0,
      workoutDrift: 0,
      unannounced: 0,
      missingLevelUps: 0,
      outOfRange: 0,
    });
    expect(figures!.followedEvents).toBe(figures!.follows);
    // About 10 strength sessions and 50 sets per user, and about 7 walks, runs and rides beside them.
    expect(figures!.distanceWorkouts / 300).toBeGreaterThan(4);
    expect(figures!.distanceWorkouts / 300).toBeLessThan(11);
    expect(figures!.workouts / 300).toBeGreaterThan(7);
    expect(figures!.workouts / 300).toBeLessThan(13);
    expect(figures!.sets / figures!.workouts).toBeGreaterThan(4);
    expect(figures!.sets / figures!.workouts).toBeLessThan(6);

    // Records exactly as a recomputation from scratch gives them, for every user.
    const ids = (await db.sql<{ id: number }[]>`select id from users`).map((row) => row.id);
    expect(await storedRecords(db.sql, ids)).toEqual(await bruteForceRecords(db.sql, ids));
    // Record events: a minority of workouts, and mostly in the first half of each history.
    const [shape] = await db.sql<[{ share: number; earlyShare: number }]>`
      with ordered as (
        select w.id, percent_rank() over (partition by w.user_id order by w.started_at) as position
          from workouts w where w.distance_meters = 0),
      events as (select o.position from activity_events a join ordered o on o.id = a.workout_id where a.type = 'PERSONAL_RECORD')
      select (select count(*) from events)::float8 / (select count(*) from workouts where distance_meters = 0) as share,
             (select count(*) filter (where position <= 0.5) from events)::float8 / (select count(*) from events) as early_share`;
    expect(shape!.share).toBeGreaterThan(0.05);
    expect(shape!.share).toBeLessThan(0.5);
    expect(shape!.earlyShare).toBeGreaterThan(0.6);

    // About 20 % FOLLOWERS and 5 % ONLY_ME, every event carrying its workout's visibility, and no
    // like or comment on a workout its author could not see.
    const [privacy] = await db.sql<[{ followers: number; onlyMe: number; mismatched: number; unseenActs: number }]>`
      select avg((visibility = 'FOLLOWERS')::int)::float8 as followers, avg((visibility = 'ONLY_ME')::int)::float8 as only_me,
             (select count(*)::int from activity_events a join workouts w on w.id = a.workout_id
               where a.visibility <> w.visibility) as mismatched,
             (select count(*)::int from workouts w where w.visibility <> 'EVERYONE'
                 and (exists (select 1 from workout_likes l where l.workout_id = w.id)
                      or exists (select 1 from comments c where c.workout_id = w.id))) as unseen_acts
        from workouts`;
    expect(privacy!.followers).toBeGreaterThan(0.15);
    expect(privacy!.followers).toBeLessThan(0.25);
    expect(privacy!.onlyMe).toBeGreaterThan(0.02);
    expect(privacy!.onlyMe).toBeLessThan(0.08);
    expect(privacy).toMatchObject({ mismatched: 0, unseenActs: 0 });

    // Teams of realistic sizes with goals over three windows, every kept figure exact.
    const [teams] = await db.sql<
      [{ teams: number; smallest: number; largest: number; goals: number; windows: number }]
    >`
      select count(*)::int as teams, min(member_count) as smallest, max(member_count) as largest,
             (select count(*)::int from team_goals) as goals,
             (select count(distinct starts_at)::int from team_goals) as windows
        from teams`;
    expect(teams).toMatchObject({ teams: 8, goals: 24, windows: 3 });
    expect(teams!.smallest).toBeGreaterThanOrEqual(5);
    expect(await driftedGoals(db.sql)).toEqual([]);
    expect(await driftedTeams(db.sql)).toEqual([]);

    // The triggers are back: none is left disabled, and a workout logged now moves the counters.
    const [{ disabled }] = await db.sql<[{ disabled: number }]>`
      select count(*)::int as disabled from pg_trigger where tgenabled = 'D' and not tgisinternal`;
    expect(disabled).toBe(0);
    const [user] = await db.sql<[{ id: number; xp: number }]>`select id, xp from users order by id limit 1`;
    const input = {
      title: 'After the seed',
      startedAt: new Date().toISOString(),
      durationSeconds: 600,
      sets: [{ exerciseId: (await exercises(db.sql)).globalId('Deadlift'), reps: 1, weightKg: 100 }],
    };
    const { logWorkout } = expectData(await run(db, LOG_WORKOUT, { input }, { as: user.id }));
    expect(logWorkout.user?.xp).toBe(user.xp + 10 + 5 + 1);
  });
});
