import { createTeam, createTeamGoal, inviteToTeam, joinTeam, type TeamsContext } from '../domain/teams';
import { logWorkout } from '../domain/training';
import { createLoaders } from '../loaders';
import type { DemoContext } from './demo';

const DAY_MS = 86_400_000;

/** Extra demo members, so the teams have realistic sizes (13, 25 and 7). */
const WALKERS = [
  'lena',
  'omar',
  'sofia',
  'jonas',
  'mira',
  'theo',
  'amara',
  'felix',
  'hana',
  'luca',
  'nora',
  'ravi',
  'zoe',
  'emil',
  'yara',
  'idris',
  'clara',
  'tomas',
  'leah',
  'sami',
  'greta',
  'milo',
  'anya',
  'bruno',
];

type Kind = 'walk' | 'run' | 'ride';
const KINDS: Record<Kind, { title: string; km: [number, number]; minutesPerKm: number }> = {
  walk: { title: 'Morning walk', km: [2, 6], minutesPerKm: 12 },
  run: { title: 'Easy run', km: [5, 12], minutesPerKm: 6 },
  ride: { title: 'Gravel ride', km: [18, 60], minutesPerKm: 2.5 },
};

/**
 * Teams and goals through the rules: three teams, goals over a past, the current and a future
 * window, and walks, runs and rides beside the strength sessions. "Morning Milers" (the demo user's
 * team) stands 2.5 to 3.5 km short of its goal for this month, so one walk logged in GraphiQL
 * completes it and notifies all 13 members. Deterministic: the same data set on every run.
 */
export async function demoTeams(demo: DemoContext): Promise<void> {
  const { sql } = demo;
  const rows = await sql<{ id: number; username: string }[]>`/* demo:walkers */
    insert into users ${sql(WALKERS.map((name, i) => ({ username: `${name}.moves`, displayName: name[0]!.toUpperCase() + name.slice(1), country: ['SE', 'DE', 'GB', 'BR', 'JP', 'NG'][i % 6]! })))}
    returning id, username`;
  const ids = new Map(demo.users);
  for (const row of rows) ids.set(row.username, row.id);
  const as = (username: string): TeamsContext => {
    const id = ids.get(username)!;
    return { sql, viewer: { id, expiresAt: null }, loaders: createLoaders(sql, id) };
  };
  const must = <T>(result: { ok: true; value: T } | { ok: false; errors: unknown }) => {
    if (!result.ok) throw new Error(`Demo team data rejected: ${JSON.stringify(result.errors)}`);
    return result.value;
  };

  const now = Date.now();
  const todayStart = now - (now % DAY_MS);
  let n = 0;
  const logMoves = async (username: string, kinds: Kind[], sessions: number) => {
    for (let i = 0; i < sessions; i += 1) {
      n += 1;
      const kind = kinds[(n + i) % kinds.length]!;
      const { title, km, minutesPerKm } = KINDS[kind];
      const distanceKm = km[0] + (((n * 7919) % 1000) / 1000) * (km[1] - km[0]);
      const daysAgo = 1 + ((n * 13 + i * 5) % 40);
      // 06:00 UTC: before the demo users' strength sessions of the same day.
      const startedAt = new Date(todayStart - daysAgo * DAY_MS + 6 * 3_600_000);
      must(
        await logWorkout(as(username), {
          title,
          startedAt,
          durationSeconds: Math.round(distanceKm * minutesPerKm * 60),
          sets: [],
          distanceMeters: Math.round(distanceKm * 1000),
        }),
      );
    }
  };

  const milers = must(
    await createTeam(as('demo'), { name: 'Morning Milers', description: 'Walk before work, every day.' }),
  ).team;
  const iron = must(
    await createTeam(as('ada'), {
      name: 'Iron & Asphalt',
      description: 'Lift heavy, then run it off.',
      joinPolicy: 'INVITE_ONLY',
    }),
  ).team;
  const riders = must(
    await createTeam(as('noa'), { name: 'Weekend Riders', description: 'Long rides, good coffee.' }),
  ).team;

  const milerMembers = ['ada', 'kai', ...WALKERS.slice(0, 10).map((name) => `${name}.moves`)];
  const ironMembers = ['max', 'ria', 'eli', 'ivy', ...WALKERS.slice(4, 24).map((name) => `${name}.moves`)];
  const riderMembers = ['eli', ...WALKERS.slice(18, 23).map((name) => `${name}.moves`)];
  for (const member of milerMembers) must(await joinTeam(as(member), milers.id));
  for (const member of ironMembers) {
    must(await inviteToTeam(as('ada'), { teamId: iron.id, userId: ids.get(member)! }));
    must(await joinTeam(as(member), iron.id));
  }
  for (const member of riderMembers) must(await joinTeam(as(member), riders.id));
  // An invitation the demo user can accept in GraphiQL.
  must(await inviteToTeam(as('ada'), { teamId: iron.id, userId: ids.get('demo')! }));

  for (const [i, name] of WALKERS.entries()) {
    const kinds: Kind[] = i >= 18 ? ['ride', 'ride', 'walk'] : i % 3 === 0 ? ['run', 'walk'] : ['walk'];
    await logMoves(`${name}.moves`, kinds, 6 + (i % 5));
  }
  for (const username of ['demo', 'ada', 'kai', 'eli']) await logMoves(username, ['walk', 'run'], 5);

  // Goals over a past, the current and a future window; the current month's is tuned to stand
  // one walk short, from the progress its members' workouts already give it.
  const monthStart = new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1));
  const nextMonth = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 1));
  const monthAfter = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 2, 1));
  const lastMonth = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() - 1, 1));
  const owner = as('demo');
  must(
    await createTeamGoal(owner, {
      teamId: milers.id,
      title: 'Last month: 20 km together',
      metric: 'DISTANCE_METERS',
      target: 20_000,
      startsAt: lastMonth,
      endsAt: monthStart,
    }),
  );
  const [{ distance }] = await sql<[{ distance: number }]>`/* demo:milersThisMonth */
    select coalesce(sum(w.distance_meters), 0)::float8 as distance from team_members m
      join workouts w on w.user_id = m.user_id and w.started_at >= ${monthStart.toISOString()} and w.started_at < ${nextMonth.toISOString()}
     where m.team_id = ${milers.id}`;
  must(
    await createTeamGoal(owner, {
      teamId: milers.id,
      title: 'This month: one more walk',
      metric: 'DISTANCE_METERS',
      // 2.5 to 3 km short: a 5 km walk completes it.
      target: Math.ceil((distance + 2500) / 500) * 500,
      startsAt: monthStart,
      endsAt: nextMonth,
    }),
  );
  must(
    await createTeamGoal(owner, {
      teamId: milers.id,
      title: 'Next month: 400 km',
      metric: 'DISTANCE_METERS',
      target: 400_000,
      startsAt: nextMonth,
      endsAt: monthAfter,
    }),
  );
  const ironOwner = as('ada');
  must(
    await createTeamGoal(ironOwner, {
      teamId: iron.id,
      title: '100 tonnes this month',
      metric: 'VOLUME_KG',
      target: 100_000,
      startsAt: monthStart,
      endsAt: nextMonth,
    }),
  );
  must(
    await createTeamGoal(ironOwner, {
      teamId: iron.id,
      title: '150 sessions this month',
      metric: 'WORKOUTS',
      target: 150,
      startsAt: monthStart,
      endsAt: nextMonth,
    }),
  );
  must(
    await createTeamGoal(as('noa'), {
      teamId: riders.id,
      title: '1,000 km of gravel',
      metric: 'DISTANCE_METERS',
      target: 1_000_000,
      startsAt: lastMonth,
      endsAt: nextMonth,
    }),
  );
}
