import { beforeAll, describe, expect, it } from 'vitest';
import { isoWeekStart, utcDay } from '../src/domain/rules';
import { graphql } from './gql';
import type { LogWorkoutInput, PropertyBoardQuery } from './gql/graphql';
import { expectData, present, run } from './kit/client';
import { type BoardFacts, type BoardKind, type BoardSpec, boardFacts, rankBoard } from './kit/leaderboards';
import { createUser, globalId, type SeededUser } from './kit/seed';
import { type Exercises, exercises } from './kit/training';
import { useTestDatabase } from './setup/db';

// Default settings: no board is refreshed by hand, and none may need to be.
const db = useTestDatabase();

const BOARD = graphql(`
  query PropertyBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope, $first: Int, $after: String) {
    leaderboard(kind: $kind, country: $country, scope: $scope, first: $first, after: $after) {
      entryCount refreshedAt
      edges { cursor node { rank score topPercent previousRank rankChange user { username } } }
      pageInfo { hasNextPage endCursor }
    }
  }`);
const EXERCISE_BOARD = graphql(`
  query PropertyExerciseBoard($exerciseId: ID!, $country: String, $first: Int, $after: String) {
    exerciseLeaderboard(exerciseId: $exerciseId, country: $country, first: $first, after: $after) {
      entryCount refreshedAt
      edges { cursor node { rank score topPercent previousRank rankChange user { username } } }
      pageInfo { hasNextPage endCursor }
    }
  }`);
const RANKS = graphql(`
  query PropertyRanks($ids: [ID!]!) {
    nodes(ids: $ids) { ... on User { username
      xp: rank(kind: XP_ALL_TIME) { rank score topPercent }
      xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank score topPercent }
      volume: rank(kind: VOLUME_THIS_WEEK) { rank score topPercent }
      volumeInCountry: rank(kind: VOLUME_THIS_WEEK, withinCountry: true) { rank score topPercent }
    } }
  }`);
const AROUND = graphql(`
  query PropertyAround($kind: LeaderboardKind!, $country: String, $userId: ID, $radius: Int) {
    leaderboardAround(kind: $kind, country: $country, userId: $userId, radius: $radius) {
      rank score topPercent user { username }
    }
  }`);
const LOG = graphql(`
  mutation PropertyLog($input: LogWorkoutInput!) {
    logWorkout(input: $input) { workout { id } errors { code field } }
  }`);
const DELETE = graphql(`
  mutation PropertyDelete($id: ID!) { deleteWorkout(input: { workoutId: $id }) { errors { code field } } }`);
const PROFILE = graphql(`
  mutation PropertyProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { code field } } }`);
const FOLLOW = graphql(`
  mutation PropertyFollow($id: ID!) { follow(input: { userId: $id }) { errors { code field } } }`);
const UNFOLLOW = graphql(`
  mutation PropertyUnfollow($id: ID!) { unfollow(input: { userId: $id }) { errors { code field } } }`);

const SEED = Number(process.env.SPOTTER_PROPERTY_SEED ?? Math.floor(Math.random() * 2_147_483_647));
const DAY = 86_400_000;
const PAGE = 7;
const BURSTS = 30;
const WRITERS = 8;
const KINDS: BoardKind[] = ['XP_ALL_TIME', 'VOLUME_THIS_WEEK'];
const COUNTRIES = ['SE', 'NO', 'FI'];
const LIFTS = ['Bench Press', 'Deadlift', 'Overhead Press'];

/** mulberry32: a small seeded generator, so that a failing seed replays the same operations. */
function generator(seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return { random, pick };
}

/** Round-trip noise aside (100 * rank / entryCount computed in SQL or in code), the same percentage. */
const percent = (value: number) => Number(value.toPrecision(12));

/** One entry as a line, so that a failure's diff shows one line per entry: `lb07 #2 450 top 9.52380952381%`. */
type Row = string;
type Entry = Row | null;
const row = (e: { username: string; rank: number; score: number; topPercent: number }): Row =>
  `${e.username} #${e.rank} ${e.score} top ${percent(e.topPercent)}%`;

function describeBoard(board: BoardSpec, names: Map<number, string>, lifts: Map<number, string>): string {
  const where = board.country ?? 'global';
  if ('exerciseId' in board) return `exerciseLeaderboard(${lifts.get(board.exerciseId)}) ${where}`;
  const scope = board.viewerId === undefined ? '' : ` FOLLOWING of ${names.get(board.viewerId)}`;
  return `leaderboard(${board.kind})${scope} ${where}`;
}

describe('leaderboards against a ranking from scratch', () => {
  let catalogue: Exercises;
  const people: SeededUser[] = [];
  const names = new Map<number, string>();
  const lifts = new Map<number, string>();

  beforeAll(async () => {
    catalogue = await exercises(db.sql);
    for (const name of LIFTS) lifts.set(catalogue.byName.get(name)!, name);
  });

  it('equals it on every board, page by page, and in User.rank and leaderboardAround, after every burst of concurrent writes', async () => {
    console.info(`leaderboards property test: seed ${SEED} (replay with SPOTTER_PROPERTY_SEED=${SEED})`);
    const { random, pick } = generator(SEED);
    const startedOn = utcDay(new Date());
    // Every user here is created today, so none was listed at 00:00 UTC: previousRank and rankChange
    // are null throughout. Gathered over every burst and checked at the end, after the ranks.
    const previousRanks: string[] = [];

    // 30 users across three countries and none; a few start hidden.
    const workouts = new Map<number, string[]>();
    for (let i = 0; i < 30; i += 1) {
      const user = await createUser(db.sql, {
        username: `lb${String(i).padStart(2, '0')}`,
        country: pick([...COUNTRIES, null]),
        ghostMode: random() < 0.1,
        leaderboardOptIn: random() >= 0.1,
      });
      people.push(user);
      names.set(user.id, user.username);
      workouts.set(user.id, []);
    }
    // Two viewers, each following about a third of the others, hidden users too.
    const viewers = [people[0]!, people[1]!];
    const follows = new Map<number, Set<number>>(viewers.map((v) => [v.id, new Set()]));
    for (const viewer of viewers) {
      for (const user of people) {
        if (user.id !== viewer.id && random() < 0.35) {
          await db.sql`insert into follows (follower_id, followee_id) values (${viewer.id}, ${user.id})`;
          follows.get(viewer.id)!.add(user.id);
        }
      }
    }

    const boards: BoardSpec[] = [
      ...KINDS.flatMap((kind) => [null, ...COUNTRIES, 'DK'].map((country) => ({ kind, country }))),
      ...KINDS.flatMap((kind) =>
        viewers.flatMap((viewer) => [null, 'SE'].map((country) => ({ kind, country, viewerId: viewer.id }))),
      ),
      ...LIFTS.flatMap((lift) =>
        [null, ...COUNTRIES].map((country) => ({ exerciseId: catalogue.byName.get(lift)!, country })),
      ),
    ];

    const ok = (errors: unknown[], what: string) => {
      if (errors.length > 0) throw new Error(`${what} failed: ${JSON.stringify(errors)} (seed ${SEED})`);
    };
    const log = async (user: SeededUser, input: LogWorkoutInput) => {
      const data = expectData(await run(db, LOG, { input }, { as: user.id })).logWorkout;
      ok(data.errors, `logWorkout of ${user.username}`);
      workouts.get(user.id)!.push(present(data.workout, 'the logged workout').id);
    };

    const startedAt = () => {
      const now = Date.now();
      const week = isoWeekStart(new Date(now)).getTime();
      const roll = random();
      if (roll < 0.35 || now - week < 120_000) return new Date(now - Math.floor(random() * 60_000));
      if (roll < 0.6) return new Date(week + 60_000 + Math.floor(random() * (now - week - 120_000)));
      if (roll < 0.65) return new Date(week); // counts: "since Monday 00:00 UTC"
      if (roll < 0.7) return new Date(week - 1); // the last millisecond of last week: does not count
      return new Date(week - DAY - Math.floor(random() * 20 * DAY));
    };
    const sets = () =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
        exerciseId: catalogue.globalId(pick(LIFTS)),
        reps: pick([1, 3, 5, 5, 8]),
        // Multiples of 0.5 kg, so that every volume sum is exact in any order; 0 kg now and then.
        weightKg: pick([0, 20, 40, 60, 60, 62.5, 80, 100]),
      }));

    /** One random operation, chosen now (so a burst never deletes one workout twice), run later. */
    const operation = (): [string, () => Promise<void>] => {
      const user = pick(people);
      const roll = random();
      if (roll < 0.45) {
        const input = { title: 'Session', startedAt: startedAt().toISOString(), durationSeconds: 3600, sets: sets() };
        const volume = input.sets.reduce((sum, s) => sum + s.reps * s.weightKg, 0);
        return [`${user.username} logs ${volume} kg at ${input.startedAt}`, () => log(user, input)];
      }
      const owners = people.filter((p) => workouts.get(p.id)!.length > 0);
      if (roll < 0.6 && owners.length > 0) {
        const owner = pick(owners);
        const mine = workouts.get(owner.id)!;
        const [workoutId] = mine.splice(Math.floor(random() * mine.length), 1);
        return [
          `${owner.username} deletes ${workoutId}`,
          async () => {
            const data = expectData(await run(db, DELETE, { id: workoutId! }, { as: owner.id })).deleteWorkout;
            ok(data.errors, `deleteWorkout of ${owner.username}`);
          },
        ];
      }
      let input: { ghostMode?: boolean; leaderboardOptIn?: boolean; country?: string | null };
      // Each flag set at random rather than flipped, so that about 70 % of the users stay listed.
      if (roll < 0.7) {
        input = { ghostMode: random() < 0.15 };
      } else if (roll < 0.8) {
        input = { leaderboardOptIn: random() >= 0.15 };
      } else if (roll < 0.9) {
        input = { country: pick([...COUNTRIES, null]) };
      } else {
        const viewer = pick(viewers);
        const followed = follows.get(viewer.id)!;
        const other = pick(people.filter((p) => p.id !== viewer.id));
        const unfollow = followed.has(other.id);
        if (unfollow) followed.delete(other.id);
        else followed.add(other.id);
        return [
          `${viewer.username} ${unfollow ? 'unfollows' : 'follows'} ${other.username}`,
          async () => {
            const variables = { id: other.globalId };
            const errors = unfollow
              ? expectData(await run(db, UNFOLLOW, variables, { as: viewer.id })).unfollow.errors
              : expectData(await run(db, FOLLOW, variables, { as: viewer.id })).follow.errors;
            ok(errors, `follow by ${viewer.username}`);
          },
        ];
      }
      return [
        `${user.username} updates ${JSON.stringify(input)}`,
        async () => {
          const data = expectData(await run(db, PROFILE, { input }, { as: user.id })).updateProfile;
          ok(data.errors, `updateProfile of ${user.username}`);
        },
      ];
    };

    async function readBoard(board: BoardSpec) {
      const rows: Row[] = [];
      const entryCounts: number[] = [];
      const refreshedAt: number[] = [];
      const pagesShort: number[] = [];
      const history: [string, number | null, number | null][] = [];
      let after: string | null = null;
      for (let page = 0; ; page += 1) {
        if (page > 20) throw new Error(`More than 20 pages of ${PAGE}: the cursors loop (seed ${SEED})`);
        let connection: PropertyBoardQuery['leaderboard'];
        if ('exerciseId' in board) {
          const variables = { exerciseId: globalId('Exercise', board.exerciseId), country: board.country, first: PAGE };
          connection = expectData(await run(db, EXERCISE_BOARD, { ...variables, after })).exerciseLeaderboard;
        } else {
          const scope = board.viewerId === undefined ? 'GLOBAL' : 'FOLLOWING';
          const variables = { kind: board.kind, country: board.country, scope, first: PAGE, after } as const;
          connection = expectData(await run(db, BOARD, variables, { as: board.viewerId })).leaderboard;
        }
        entryCounts.push(connection.entryCount);
        refreshedAt.push(Date.parse(connection.refreshedAt));
        for (const { node } of connection.edges) {
          rows.push(row({ ...node, username: node.user.username }));
          history.push([node.user.username, node.previousRank ?? null, node.rankChange ?? null]);
        }
        if (connection.pageInfo.hasNextPage && connection.edges.length !== PAGE) pagesShort.push(page);
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor ?? null;
      }
      return { rows, entryCounts, refreshedAt, pagesShort, history };
    }

    const toEntry = (e: { rank: number; score: number; topPercent: number } | null | undefined): Entry =>
      e ? row({ ...e, username: '' }).trim() : null;

    async function expectBoards(burst: number, operations: string[], writtenAt: number) {
      const facts: BoardFacts = await boardFacts(db.sql, isoWeekStart(new Date()));
      const context = `after burst ${burst} (seed ${SEED}; that burst: ${operations.join('; ')})`;

      // Every board, page by page.
      const read = await Promise.all(boards.map((board) => readBoard(board)));
      const readAt = Date.now();
      const actual: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};
      const refreshedAts: string[] = [];
      for (const [i, board] of boards.entries()) {
        const label = describeBoard(board, names, lifts);
        const ranking = rankBoard(facts, board);
        const { rows, entryCounts, refreshedAt, pagesShort, history } = read[i]!;
        // Every change committed before refreshedAt is on the board: so it is no later than the read,
        // and, with every change shown within a second, no earlier than a second before the writes ended.
        for (const at of refreshedAt) {
          if (at > readAt || at < writtenAt - 1000) {
            refreshedAts.push(
              `${label}: ${new Date(at).toISOString()}, writes ended ${new Date(writtenAt).toISOString()}`,
            );
          }
        }
        actual[label] = { rows, entryCounts, pagesShort };
        expected[label] = {
          rows: ranking.map(row),
          entryCounts: entryCounts.map(() => ranking.length),
          pagesShort: [],
        };
        for (const [user, previousRank, rankChange] of history) {
          if (previousRank !== null || rankChange !== null) {
            previousRanks.push(
              `burst ${burst}, ${label}: ${user} previousRank ${previousRank} rankChange ${rankChange}`,
            );
          }
        }
      }
      expect(actual, `boards ${context}`).toEqual(expected);
      expect(refreshedAts, `refreshedAt ${context}`).toEqual([]);

      // User.rank of everyone, globally and within their country.
      const data = expectData(await run(db, RANKS, { ids: people.map((p) => p.globalId) }));
      const ranks: Record<string, unknown> = {};
      const expectedRanks: Record<string, unknown> = {};
      for (const [i, node] of data.nodes.entries()) {
        const user = people[i]!;
        if (!node || !('xp' in node)) throw new Error(`No user ${user.username}`);
        ranks[user.username] = {
          xp: toEntry(node.xp),
          xpInCountry: toEntry(node.xpInCountry),
          volume: toEntry(node.volume),
          volumeInCountry: toEntry(node.volumeInCountry),
        };
        const country = facts.users.get(user.id)!.country;
        const entryOf = (kind: BoardKind, within: boolean): Entry => {
          if (within && country === null) return null;
          const found = rankBoard(facts, { kind, country: within ? country : null }).find((e) => e.userId === user.id);
          return toEntry(found);
        };
        expectedRanks[user.username] = {
          xp: entryOf('XP_ALL_TIME', false),
          xpInCountry: entryOf('XP_ALL_TIME', true),
          volume: entryOf('VOLUME_THIS_WEEK', false),
          volumeInCountry: entryOf('VOLUME_THIS_WEEK', true),
        };
      }
      expect(ranks, `User.rank ${context}`).toEqual(expectedRanks);

      // leaderboardAround of a few users, by id or as the viewer, in their country, another or none.
      const arounds: Record<string, Row[]> = {};
      const expectedArounds: Record<string, Row[]> = {};
      for (let i = 0; i < 6; i += 1) {
        const user = pick(people);
        const kind = pick(KINDS);
        const country = pick([null, facts.users.get(user.id)!.country, pick(COUNTRIES)]);
        const radius = pick([0, 1, 2, 3]);
        const asViewer = random() < 0.5;
        const label = `${user.username} ${kind} ${country ?? 'global'} radius ${radius}${asViewer ? ' as viewer' : ''}`;
        const result = asViewer
          ? await run(db, AROUND, { kind, country, radius }, { as: user.id })
          : await run(db, AROUND, { kind, country, radius, userId: user.globalId });
        arounds[label] = expectData(result).leaderboardAround.map((e) => row({ ...e, username: e.user.username }));
        const ranking = rankBoard(facts, { kind, country });
        const at = ranking.findIndex((e) => e.userId === user.id);
        expectedArounds[label] = at < 0 ? [] : ranking.slice(Math.max(0, at - radius), at + radius + 1).map(row);
      }
      expect(arounds, `leaderboardAround ${context}`).toEqual(expectedArounds);
    }

    // Burst 0: everyone logs the same workout this week, so one tie spans every page boundary.
    const same = [{ exerciseId: catalogue.globalId('Bench Press'), reps: 5, weightKg: 60 }];
    await Promise.all(
      people.map((user) =>
        log(user, { title: 'Same', startedAt: new Date().toISOString(), durationSeconds: 600, sets: same }),
      ),
    );
    await expectBoards(0, ['everyone logs 5 x 60 kg Bench Press'], Date.now());

    for (let burst = 1; burst <= BURSTS; burst += 1) {
      const planned = Array.from({ length: WRITERS }, operation);
      await Promise.all(planned.map(([, perform]) => perform()));
      await expectBoards(
        burst,
        planned.map(([what]) => what),
        Date.now(),
      );
    }
    // Unless the UTC day turned during the run, and with it the day the snapshot is of.
    if (utcDay(new Date()) === startedOn) {
      expect(previousRanks, `previousRank/rankChange (seed ${SEED}): none was listed at 00:00 UTC`).toEqual([]);
    }
  }, 120_000);
});

const FRESH = graphql(`
  query PropertyFresh($userId: ID!, $exerciseId: ID!) {
    xp: leaderboard(kind: XP_ALL_TIME, country: "IS") { entryCount edges { node { rank score topPercent user { username } } } }
    volume: leaderboard(kind: VOLUME_THIS_WEEK, country: "IS") { entryCount edges { node { rank score topPercent user { username } } } }
    lift: exerciseLeaderboard(exerciseId: $exerciseId, country: "IS") { entryCount edges { node { rank score topPercent user { username } } } }
    around: leaderboardAround(kind: VOLUME_THIS_WEEK, userId: $userId, radius: 0) { score user { username } }
    user(id: $userId) { xp volume: rank(kind: VOLUME_THIS_WEEK) { score } xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank score } }
  }`);

/**
 * Reads until `expected` shows, for at most `withinMs` from now; fails with the last read otherwise.
 * Returns how long it took. A poll, not a sleep: it passes as soon as the change is visible.
 */
async function visibleWithin<T>(withinMs: number, read: () => Promise<T>, expected: T): Promise<number> {
  const started = performance.now();
  for (;;) {
    const seen = await read();
    const elapsed = performance.now() - started;
    if (JSON.stringify(seen) === JSON.stringify(expected)) return elapsed;
    if (elapsed > withinMs) {
      expect(seen, `still not visible after ${Math.round(elapsed)} ms`).toEqual(expected);
      return elapsed;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('freshness on the default settings', () => {
  it('shows a logged workout, a back-dated one, a delete, ghost mode and a country change on every board within 1 s', async () => {
    const catalogue = await exercises(db.sql);
    const fresh = await createUser(db.sql, { username: 'fresh', country: 'IS' });
    const deadlift = catalogue.globalId('Deadlift');
    const read = async () => {
      const data = expectData(await run(db, FRESH, { userId: fresh.globalId, exerciseId: deadlift }));
      const board = (connection: typeof data.xp) => ({
        entryCount: connection.entryCount,
        rows: connection.edges.map(({ node }) => row({ ...node, username: node.user.username })),
      });
      return {
        xp: board(data.xp),
        volume: board(data.volume),
        lift: board(data.lift),
        around: data.around.map((e) => `${e.user.username} ${e.score}`),
        rank: { volume: data.user?.volume?.score ?? null, xpInCountry: data.user?.xpInCountry ?? null },
      };
    };
    const listed = (xp: number, volume: number, lift: number) => ({
      xp: { entryCount: 1, rows: [`fresh #1 ${xp} top 100%`] },
      volume: { entryCount: 1, rows: [`fresh #1 ${volume} top 100%`] },
      lift: { entryCount: 1, rows: [`fresh #1 ${lift} top 100%`] },
      around: [`fresh ${volume}`],
      rank: { volume, xpInCountry: { rank: 1, score: xp } },
    });
    const unlisted = {
      xp: { entryCount: 0, rows: [] },
      volume: { entryCount: 0, rows: [] },
      lift: { entryCount: 0, rows: [] },
      around: [],
      rank: { volume: null, xpInCountry: null },
    };
    const xpNow = async () => (await db.sql<[{ xp: number }]>`select xp from users where id = ${fresh.id}`)[0].xp;
    const latencies: Record<string, number> = {};

    const lifts = (weightKg: number) => [
      { exerciseId: deadlift, reps: 1, weightKg },
      { exerciseId: deadlift, reps: 5, weightKg: 100 },
    ];
    const logged = expectData(
      await run(
        db,
        LOG,
        { input: { title: 'Fresh', startedAt: new Date().toISOString(), durationSeconds: 60, sets: lifts(200) } },
        { as: fresh.id },
      ),
    ).logWorkout;
    expect(logged.errors).toEqual([]);
    latencies.logWorkout = await visibleWithin(1000, read, listed(await xpNow(), 700, 200));

    const monday = isoWeekStart(new Date()).getTime();
    const earlier = new Date(monday + Math.min(60_000, (Date.now() - monday) / 2)).toISOString();
    const backdated = expectData(
      await run(
        db,
        LOG,
        { input: { title: 'Earlier', startedAt: earlier, durationSeconds: 60, sets: lifts(250) } },
        { as: fresh.id },
      ),
    ).logWorkout;
    expect(backdated.errors).toEqual([]);
    latencies.backdatedLog = await visibleWithin(1000, read, listed(await xpNow(), 1450, 250));

    const workoutId = present(backdated.workout, 'the back-dated workout').id;
    expect(expectData(await run(db, DELETE, { id: workoutId }, { as: fresh.id })).deleteWorkout.errors).toEqual([]);
    latencies.deleteWorkout = await visibleWithin(1000, read, listed(await xpNow(), 700, 200));

    const profile = async (input: { ghostMode?: boolean; country?: string }) =>
      expect(expectData(await run(db, PROFILE, { input }, { as: fresh.id })).updateProfile.errors).toEqual([]);
    await profile({ ghostMode: true });
    latencies.ghostMode = await visibleWithin(1000, read, unlisted);
    await profile({ ghostMode: false });
    latencies.ghostModeOff = await visibleWithin(1000, read, listed(await xpNow(), 700, 200));
    await profile({ country: 'LU' });
    latencies.countryChange = await visibleWithin(1000, read, {
      ...unlisted,
      around: ['fresh 700'],
      rank: { volume: 700, xpInCountry: { rank: 1, score: await xpNow() } },
    });
    console.info(
      `freshness (ms): ${JSON.stringify(latencies, (_key, value) => (typeof value === 'number' ? Math.round(value) : value))}`,
    );
  });

  it('rebuilds nothing on a timer: at rest, with the upkeep passes running, no board row is rewritten', async () => {
    // Whatever is pending from the writes above folded first (the upkeep does it within a pass).
    await visibleWithin(
      1000,
      async () => (await db.sql<[{ pending: number }]>`select count(*)::int as pending from board_deltas`)[0].pending,
      0,
    );
    // A row's (ctid, xmin) changes when anything rewrites it: an update, a delete and re-insert, a
    // truncate and reload, a table swapped in.
    const rows = () => db.sql<{ row: string }[]>`
      select format('%s %s %s', t, ctid, xmin) as row from (
        select 'board_entries' as t, ctid, xmin from board_entries
        union all select 'board_buckets', ctid, xmin from board_buckets
        union all select 'board_day_ranks', ctid, xmin from board_day_ranks) r
      order by 1`;
    const before = await rows();
    expect(before.length).toBeGreaterThan(0);
    // At rest on purpose: a second is four upkeep passes on the defaults.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await rows()).toEqual(before);
  });
});
