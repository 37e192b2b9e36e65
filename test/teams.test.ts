import { describe, expect, it } from 'vitest';
import { graphql } from './gql';
import { expectData, run } from './kit/client';
import { block } from './kit/privacy';
import { createUsers } from './kit/seed';
import {
  CreateTeam,
  createGoal,
  createTeam,
  DeleteTeamGoal,
  DeleteWorkout,
  driftedGoals,
  driftedTeams,
  Goal,
  InviteToTeam,
  join,
  LogDistance,
  leave,
  logDistance,
} from './kit/teams';
import { exercises } from './kit/training';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const aroundNow = () => ({ startsAt: new Date(Date.now() - 7 * DAY), endsAt: new Date(Date.now() + 7 * DAY) });

const TeamPage = graphql(`
  query TeamsTeamPage($id: ID!) {
    team(id: $id) {
      id name memberCount viewerRole owner { id }
      members(first: 10) { edges { node { role joinedAt user { id } } } }
      goals(first: 10) { edges { node { id endsAt } } }
    }
  }`);

const UserTeams = graphql(`
  query TeamsUserTeams($id: ID!) { user(id: $id) { teams(first: 10) { edges { node { id name } } } } }`);

const SearchTeams = graphql(`
  query TeamsSearch($search: String) { teams(search: $search, first: 10) { edges { node { name } } } }`);

const TeamNotifications = graphql(`
  query TeamsNotifications {
    viewer { notifications(first: 20) { edges { node { kind sequenceNumber actor { id } team { id } goal { id } } } } }
  }`);

const globalOf = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString('base64');

describe('Workout.distanceMeters', () => {
  it('takes a walk without sets, and XP counts 1 per 100 m', async () => {
    const [walker] = await createUsers(db.sql, 1);
    const logged = expectData(
      await run(
        db,
        LogDistance,
        {
          input: {
            title: 'Evening walk',
            startedAt: new Date().toISOString(),
            durationSeconds: 2400,
            sets: [],
            distanceMeters: 4250.5,
          },
        },
        { as: walker!.id },
      ),
    ).logWorkout;
    expect(logged).toMatchObject({ workout: { distanceMeters: 4250.5, xpEarned: 10 + 42, setCount: 0 }, errors: [] });
  });

  it('is 0 for a strength session; no sets without a distance, or a distance out of range, is VALIDATION', async () => {
    const [lifter] = await createUsers(db.sql, 1);
    const squat = (await exercises(db.sql)).globalId('Barbell Back Squat');
    const base = { title: 'Legs', startedAt: new Date().toISOString(), durationSeconds: 600 };
    const strength = expectData(
      await run(
        db,
        LogDistance,
        { input: { ...base, sets: [{ exerciseId: squat, reps: 5, weightKg: 100 }] } },
        { as: lifter!.id },
      ),
    ).logWorkout;
    expect(strength.workout).toMatchObject({ distanceMeters: 0, xpEarned: 10 + 5 + 5 });
    const none = expectData(
      await run(db, LogDistance, { input: { ...base, sets: [] } }, { as: lifter!.id }),
    ).logWorkout;
    expect(none.errors).toMatchObject([{ code: 'VALIDATION', field: 'sets' }]);
    const far = expectData(
      await run(db, LogDistance, { input: { ...base, sets: [], distanceMeters: 1_000_001 } }, { as: lifter!.id }),
    ).logWorkout;
    expect(far.errors).toMatchObject([{ code: 'VALIDATION', field: 'distanceMeters' }]);
  });
});

describe('Mutation.createTeam', () => {
  it('makes the caller OWNER of a team of one; names are unique case-insensitively; inputs are checked', async () => {
    const [owner, other] = await createUsers(db.sql, 2);
    const created = expectData(
      await run(db, CreateTeam, { input: { name: '  Trail Blazers ', description: 'We walk.' } }, { as: owner!.id }),
    ).createTeam;
    expect(created).toMatchObject({
      team: {
        name: 'Trail Blazers',
        joinPolicy: 'OPEN',
        memberCount: 1,
        viewerRole: 'OWNER',
        owner: { id: owner!.globalId },
      },
      errors: [],
    });
    const clash = expectData(
      await run(db, CreateTeam, { input: { name: 'trail blazers' } }, { as: other!.id }),
    ).createTeam;
    expect(clash).toMatchObject({ team: null, errors: [{ code: 'CONFLICT', field: 'name' }] });
    const short = expectData(await run(db, CreateTeam, { input: { name: 'ab' } }, { as: other!.id })).createTeam;
    expect(short.errors).toMatchObject([{ code: 'VALIDATION', field: 'name' }]);
    const anonymous = expectData(await run(db, CreateTeam, { input: { name: 'Nobody' } })).createTeam;
    expect(anonymous.errors).toMatchObject([{ code: 'UNAUTHENTICATED' }]);
  });
});

describe('Mutation.joinTeam / Mutation.leaveTeam', () => {
  it('joins an OPEN team once; INVITE_ONLY needs a member’s invitation', async () => {
    const [owner, walker, stranger] = await createUsers(db.sql, 3);
    const open = await createTeam(db, owner!, { name: 'Open Striders' });
    expect(await join(db, walker!, open)).toMatchObject({ team: { memberCount: 2, viewerRole: 'MEMBER' }, errors: [] });
    expect(await join(db, walker!, open)).toMatchObject({ team: { memberCount: 2 }, errors: [] });

    const closed = await createTeam(db, owner!, { name: 'Closed Circle', joinPolicy: 'INVITE_ONLY' });
    expect((await join(db, walker!, closed)).errors).toMatchObject([{ code: 'FORBIDDEN', field: 'teamId' }]);
    const byStranger = expectData(
      await run(
        db,
        InviteToTeam,
        { input: { teamId: closed.globalId, userId: walker!.globalId } },
        { as: stranger!.id },
      ),
    ).inviteToTeam;
    expect(byStranger.errors).toMatchObject([{ code: 'FORBIDDEN' }]);
    for (let i = 0; i < 2; i += 1) {
      const invited = expectData(
        await run(
          db,
          InviteToTeam,
          { input: { teamId: closed.globalId, userId: walker!.globalId } },
          { as: owner!.id },
        ),
      ).inviteToTeam;
      expect(invited.errors).toEqual([]);
    }
    expect(await join(db, walker!, closed)).toMatchObject({ team: { memberCount: 2 }, errors: [] });
    // Invited twice, notified once.
    const seen = expectData(await run(db, TeamNotifications, {}, { as: walker!.id })).viewer!.notifications.edges;
    expect(seen.map((edge) => edge.node)).toEqual([
      {
        kind: 'TEAM_INVITE',
        sequenceNumber: 1,
        actor: { id: owner!.globalId },
        team: { id: closed.globalId },
        goal: null,
      },
    ]);
  });

  it('refuses an invitation across a block (FORBIDDEN), through refuse_across_block', async () => {
    const [owner, blocker] = await createUsers(db.sql, 2);
    const team = await createTeam(db, owner!, { name: 'Blocked Out' });
    await block(db, blocker!, owner!);
    const invited = expectData(
      await run(db, InviteToTeam, { input: { teamId: team.globalId, userId: blocker!.globalId } }, { as: owner!.id }),
    ).inviteToTeam;
    expect(invited.errors).toMatchObject([{ code: 'FORBIDDEN', field: 'userId' }]);
    const [{ n }] = await db.sql<[{ n: number }]>`
      select count(*)::int as n from team_invites where team_id = ${team.id}`;
    expect(n).toBe(0);
  });

  it('passes ownership to the earliest-joined member; the last member leaving deletes the team and its goals', async () => {
    const [owner, first, second, outsider] = await createUsers(db.sql, 4);
    const team = await createTeam(db, owner!, { name: 'Relay Team' });
    await join(db, first!, team);
    await join(db, second!, team);
    await createGoal(db, owner!, team, { metric: 'WORKOUTS', target: 10, ...aroundNow() });
    expect((await leave(db, outsider!, team)).errors).toEqual([]);
    expect(await leave(db, owner!, team)).toMatchObject({ team: { memberCount: 2, owner: { id: first!.globalId } } });
    const page = expectData(await run(db, TeamPage, { id: team.globalId }, { as: first!.id })).team!;
    expect(page.members.edges.map((edge) => [edge.node.user.id, edge.node.role])).toEqual([
      [first!.globalId, 'OWNER'],
      [second!.globalId, 'MEMBER'],
    ]);
    expect(await leave(db, first!, team)).toMatchObject({ team: { owner: { id: second!.globalId } } });
    expect(await leave(db, second!, team)).toEqual({ team: null, errors: [] });
    expect(expectData(await run(db, TeamPage, { id: team.globalId })).team).toBeNull();
    const [{ goals }] = await db.sql<[{ goals: number }]>`select count(*)::int as goals from team_goals`;
    expect(goals).toBe(0);
    expect(await driftedTeams(db.sql)).toEqual([]);
  });
});

describe('Query.teams / User.teams', () => {
  it('finds teams by a case-insensitive name prefix and lists a user’s teams, most recently joined first', async () => {
    const [owner, member] = await createUsers(db.sql, 2);
    const a = await createTeam(db, owner!, { name: 'Zebra Runners' });
    const b = await createTeam(db, owner!, { name: 'Zeal Riders' });
    await join(db, member!, a);
    await join(db, member!, b);
    const found = expectData(await run(db, SearchTeams, { search: 'ZE' })).teams.edges.map((edge) => edge.node.name);
    expect(found).toEqual(['Zeal Riders', 'Zebra Runners']);
    const teams = expectData(await run(db, UserTeams, { id: member!.globalId })).user!.teams.edges;
    expect(teams.map((edge) => edge.node.id)).toEqual([b.globalId, a.globalId]);
  });
});

describe('TeamGoal.progress', () => {
  it('counts the current members’ workouts in [startsAt, endsAt), follows logs, deletes, joins and leaves', async () => {
    const [owner, member, late] = await createUsers(db.sql, 3);
    await logDistance(db, late!, 700, new Date(Date.now() - 2 * DAY));
    await logDistance(db, owner!, 300, new Date(Date.now() - 10 * DAY)); // before the window
    const team = await createTeam(db, owner!, { name: 'Window Walkers' });
    await join(db, member!, team);
    await logDistance(db, owner!, 250, new Date(Date.now() - DAY));
    const goal = await createGoal(db, owner!, team, { metric: 'DISTANCE_METERS', target: 5000, ...aroundNow() });
    const read = async () => expectData(await run(db, Goal, { id: goal.globalId })).node as { progress: number };
    expect((await read()).progress).toBe(250);
    const walk = await logDistance(db, member!, 1000.25);
    expect((await read()).progress).toBe(1250.25);
    await join(db, late!, team);
    expect((await read()).progress).toBe(1950.25);
    expectData(await run(db, DeleteWorkout, { input: { workoutId: globalOf('Workout', walk) } }, { as: member!.id }));
    expect((await read()).progress).toBe(950);
    await leave(db, late!, team);
    expect((await read()).progress).toBe(250);
    expect(await driftedGoals(db.sql)).toEqual([]);
  });

  it('counts VOLUME_KG, WORKOUTS and XP the same way', async () => {
    const [owner] = await createUsers(db.sql, 1);
    const squat = (await exercises(db.sql)).globalId('Barbell Back Squat');
    const team = await createTeam(db, owner!, { name: 'Metric Mix' });
    const goals = await Promise.all(
      (['VOLUME_KG', 'WORKOUTS', 'XP'] as const).map((metric) =>
        createGoal(db, owner!, team, { metric, target: 1e6, ...aroundNow() }),
      ),
    );
    await run(
      db,
      LogDistance,
      {
        input: {
          title: 'Brick',
          startedAt: new Date().toISOString(),
          durationSeconds: 600,
          sets: [{ exerciseId: squat, reps: 10, weightKg: 102.5 }],
          distanceMeters: 5000,
        },
      },
      { as: owner!.id },
    );
    const progress = await Promise.all(
      goals.map(
        async (goal) => (expectData(await run(db, Goal, { id: goal.globalId })).node as { progress: number }).progress,
      ),
    );
    expect(progress).toEqual([1025, 1, 10 + 5 + 10 + 50]);
    expect(await driftedGoals(db.sql)).toEqual([]);
  });

  it('sets completedAt once and notifies every member once; later changes never unset it', async () => {
    const [owner, member] = await createUsers(db.sql, 2);
    const team = await createTeam(db, owner!, { name: 'Finish Line' });
    await join(db, member!, team);
    const goal = await createGoal(db, owner!, team, { metric: 'DISTANCE_METERS', target: 1000, ...aroundNow() });
    await logDistance(db, owner!, 600);
    const crossing = await logDistance(db, member!, 500);
    await logDistance(db, owner!, 100);
    const done = expectData(await run(db, Goal, { id: goal.globalId })).node as { completedAt: string | null };
    expect(done.completedAt).not.toBeNull();
    expectData(
      await run(db, DeleteWorkout, { input: { workoutId: globalOf('Workout', crossing) } }, { as: member!.id }),
    );
    const after = expectData(await run(db, Goal, { id: goal.globalId })).node as {
      completedAt: string;
      progress: number;
    };
    expect(after).toMatchObject({ completedAt: done.completedAt, progress: 700 });
    for (const user of [owner!, member!]) {
      const edges = expectData(await run(db, TeamNotifications, {}, { as: user.id })).viewer!.notifications.edges;
      expect(edges.map((edge) => edge.node)).toEqual([
        {
          kind: 'TEAM_GOAL_COMPLETED',
          sequenceNumber: 1,
          actor: { id: member!.globalId },
          team: { id: team.globalId },
          goal: { id: goal.globalId },
        },
      ]);
    }
  });

  it('is for the owner to create and delete (FORBIDDEN otherwise); inputs are checked', async () => {
    const [owner, member] = await createUsers(db.sql, 2);
    const team = await createTeam(db, owner!, { name: 'Owner Only' });
    await join(db, member!, team);
    const input = {
      teamId: team.globalId,
      title: 'Go',
      metric: 'WORKOUTS' as const,
      target: 3,
      startsAt: new Date().toISOString(),
    };
    const byMember = await run(
      db,
      graphql(
        `mutation TeamsGoalByMember($input: CreateTeamGoalInput!) { createTeamGoal(input: $input) { goal { id } errors { code field } } }`,
      ),
      { input: { ...input, endsAt: new Date(Date.now() + DAY).toISOString() } },
      { as: member!.id },
    );
    expect(expectData(byMember).createTeamGoal.errors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const tooLong = await run(
      db,
      graphql(
        `mutation TeamsGoalTooLong($input: CreateTeamGoalInput!) { createTeamGoal(input: $input) { errors { code field } } }`,
      ),
      { input: { ...input, target: 0, endsAt: new Date(Date.now() + 367 * DAY).toISOString() } },
      { as: owner!.id },
    );
    expect(expectData(tooLong).createTeamGoal.errors).toMatchObject([
      { code: 'VALIDATION', field: 'target' },
      { code: 'VALIDATION', field: 'endsAt' },
    ]);
    const goal = await createGoal(db, owner!, team, { metric: 'WORKOUTS', target: 3, ...aroundNow() });
    const refused = expectData(await run(db, DeleteTeamGoal, { input: { goalId: goal.globalId } }, { as: member!.id }));
    expect(refused.deleteTeamGoal.errors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const deleted = expectData(await run(db, DeleteTeamGoal, { input: { goalId: goal.globalId } }, { as: owner!.id }));
    expect(deleted.deleteTeamGoal).toEqual({
      deletedGoalId: goal.globalId,
      team: { id: team.globalId, goals: { edges: [] } },
      errors: [],
    });
  });
});

describe('TeamGoal.contributions', () => {
  it('lists current members with a share above 0, largest first, ties sharing a rank, in keyset pages', async () => {
    const [owner, a, b, idle] = await createUsers(db.sql, 4);
    const team = await createTeam(db, owner!, { name: 'Share Alike' });
    for (const user of [a!, b!, idle!]) await join(db, user, team);
    const goal = await createGoal(db, owner!, team, { metric: 'DISTANCE_METERS', target: 1e6, ...aroundNow() });
    await logDistance(db, owner!, 100);
    await logDistance(db, a!, 300);
    await logDistance(db, b!, 300);
    const first = expectData(await run(db, Goal, { id: goal.globalId, first: 2 })).node as {
      contributions: {
        edges: { node: { amount: number; rank: number; user: { id: string } } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    expect(first.contributions.edges.map((edge) => [edge.node.amount, edge.node.rank])).toEqual([
      [300, 1],
      [300, 1],
    ]);
    expect(first.contributions.pageInfo.hasNextPage).toBe(true);
    const rest = expectData(
      await run(db, Goal, { id: goal.globalId, first: 5, after: first.contributions.pageInfo.endCursor }),
    ).node as typeof first;
    expect(rest.contributions.edges.map((edge) => [edge.node.user.id, edge.node.amount, edge.node.rank])).toEqual([
      [owner!.globalId, 100, 3],
    ]);
  });
});
