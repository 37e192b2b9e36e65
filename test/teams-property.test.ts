import { describe, expect, it } from 'vitest';
import { expectData, run } from './kit/client';
import { createUsers, type SeededUser } from './kit/seed';
import {
  createGoal,
  createTeam,
  DeleteWorkout,
  driftedGoals,
  driftedTeams,
  JoinTeam,
  LeaveTeam,
  LogDistance,
  type SeededTeam,
  TeamLeaderboard,
  teamBoardFromScratch,
} from './kit/teams';
import { exercises } from './kit/training';
import { useTestDatabase } from './setup/db';

// A file of its own: the board ranks every team in the database.
const db = useTestDatabase();

const SEED = Number(process.env.SPOTTER_PROPERTY_SEED ?? Math.floor(Math.random() * 2_147_483_647));
const DAY = 86_400_000;
const METRICS = ['DISTANCE_METERS', 'VOLUME_KG', 'WORKOUTS', 'XP'] as const;

/** mulberry32: a small seeded generator, so a failing run can be replayed with SPOTTER_PROPERTY_SEED. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe(`TeamGoal.progress, contributions and Query.teamLeaderboard against a recomputation (seed ${SEED})`, () => {
  it('stay exact through bursts of concurrent logs, deletes, backdated logs, joins and leaves', async () => {
    const next = random(SEED);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const users = await createUsers(db.sql, 12);
    const squat = (await exercises(db.sql)).globalId('Barbell Back Squat');
    const teams: { team: SeededTeam; owner: SeededUser }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const owner = users[i]!;
      const team = await createTeam(db, owner, { name: `Property Team ${SEED % 1000}-${i}` });
      teams.push({ team, owner });
      // Goals over past, current and future windows, of every metric.
      const now = Date.now();
      const windows = [
        [now - 20 * DAY, now - 6 * DAY],
        [now - 3 * DAY, now + 3 * DAY],
        [now - 30 * DAY, now + 30 * DAY],
      ] as const;
      for (const [j, [from, to]] of windows.entries()) {
        await createGoal(db, owner, team, {
          metric: METRICS[(i + j) % METRICS.length]!,
          target: 1e9,
          startsAt: new Date(from),
          endsAt: new Date(to),
        });
      }
    }
    const workouts = new Map<number, string[]>(users.map((user) => [user.id, []]));

    const action = async (user: SeededUser) => {
      const roll = next();
      if (roll < 0.45) {
        // A log, often backdated by up to 25 days, a walk, a strength session or both.
        const startedAt = new Date(Date.now() - (next() < 0.5 ? 0 : Math.floor(next() * 25 * DAY)));
        const distance = next() < 0.6 ? Math.round(next() * 800000) / 100 : null;
        const sets =
          distance === null || next() < 0.3
            ? [{ exerciseId: squat, reps: 1 + Math.floor(next() * 12), weightKg: Math.round(next() * 2000) / 10 }]
            : [];
        const result = expectData(
          await run(
            db,
            LogDistance,
            {
              input: {
                title: 'Mixed',
                startedAt: startedAt.toISOString(),
                durationSeconds: 600,
                sets,
                distanceMeters: distance,
              },
            },
            { as: user.id },
          ),
        ).logWorkout;
        expect(result.errors).toEqual([]);
        workouts.get(user.id)!.push(result.workout!.id);
      } else if (roll < 0.6) {
        const mine = workouts.get(user.id)!;
        if (mine.length === 0) return;
        const id = mine.splice(Math.floor(next() * mine.length), 1)[0]!;
        expect(
          expectData(await run(db, DeleteWorkout, { input: { workoutId: id } }, { as: user.id })).deleteWorkout.errors,
        ).toEqual([]);
      } else if (roll < 0.85) {
        const { team } = pick(teams);
        const joined = expectData(
          await run(db, JoinTeam, { input: { teamId: team.globalId } }, { as: user.id }),
        ).joinTeam;
        // A team its last member left is gone.
        expect(joined.errors.filter((error) => error.code !== 'NOT_FOUND')).toEqual([]);
      } else {
        const { team } = pick(teams);
        const left = expectData(
          await run(db, LeaveTeam, { input: { teamId: team.globalId } }, { as: user.id }),
        ).leaveTeam;
        expect(left.errors.filter((error) => error.code !== 'NOT_FOUND')).toEqual([]);
      }
    };

    for (let burst = 0; burst < 6; burst += 1) {
      // Every user acts at once, some twice: their own actions race each other and everyone else's.
      const actors = [...users, ...users.filter(() => next() < 0.4)];
      await Promise.all(actors.map((user) => action(user)));
      expect(await driftedGoals(db.sql), `burst ${burst}`).toEqual([]);
      expect(await driftedTeams(db.sql), `burst ${burst}`).toEqual([]);
      for (const metric of METRICS) {
        const expected = await teamBoardFromScratch(db.sql, metric);
        const served = expectData(await run(db, TeamLeaderboard, { metric, first: 100 })).teamLeaderboard.edges;
        expect(
          served.map((edge) => [edge.node.team.id, edge.node.score, edge.node.rank]),
          `burst ${burst}, ${metric}`,
        ).toEqual(
          expected.map((row) => [Buffer.from(`Team:${row.id}`).toString('base64'), Number(row.score), row.rank]),
        );
      }
    }
  });
});
