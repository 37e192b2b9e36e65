import type { Sql } from '../../src/db/client';

export type BoardKind = 'XP_ALL_TIME' | 'VOLUME_THIS_WEEK';

/** One board: a kind (optionally the FOLLOWING scope of a viewer) or an exercise, optionally one country. */
export type BoardSpec =
  | { kind: BoardKind; country: string | null; viewerId?: number }
  | { exerciseId: number; country: string | null };

export interface RankedEntry {
  userId: number;
  username: string;
  rank: number;
  score: number;
  topPercent: number;
}

interface UserFacts {
  id: number;
  username: string;
  country: string | null;
  listed: boolean;
  xp: number;
}

/** What every board is scored from, read from the source tables in one snapshot. */
export interface BoardFacts {
  users: Map<number, UserFacts>;
  /** Volume of workouts started since `weekStart`, for users with at least one such workout. */
  weekVolume: Map<number, number>;
  /** `${exerciseId}:${userId}` → the ESTIMATED_ONE_REP_MAX record's value. */
  oneRepMax: Map<string, number>;
  /** follower → the users they follow. */
  follows: Map<number, Set<number>>;
}

export async function boardFacts(sql: Sql, weekStart: Date): Promise<BoardFacts> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const users = await tx<UserFacts[]>`
      select id, username, country, not ghost_mode and leaderboard_opt_in as listed, xp from users`;
    const volumes = await tx<{ userId: number; volume: number }[]>`
      select user_id, sum(total_volume_kg)::float8 as volume from workouts
       where started_at >= ${weekStart.toISOString()} and started_at < ${new Date(weekStart.getTime() + 7 * 86_400_000).toISOString()}
       group by user_id`;
    const records = await tx<{ userId: number; exerciseId: number; valueKg: number }[]>`
      select user_id, exercise_id, value_kg from personal_records where kind = 'ESTIMATED_ONE_REP_MAX'`;
    const follows = await tx<
      { followerId: number; followeeId: number }[]
    >`select follower_id, followee_id from follows`;
    const following = new Map<number, Set<number>>();
    for (const { followerId, followeeId } of follows) {
      following.set(followerId, (following.get(followerId) ?? new Set()).add(followeeId));
    }
    return {
      users: new Map(users.map((user) => [user.id, user])),
      weekVolume: new Map(volumes.map((row) => [row.userId, row.volume])),
      oneRepMax: new Map(records.map((row) => [`${row.exerciseId}:${row.userId}`, row.valueKg])),
      follows: following,
    };
  });
}

/**
 * A board ranked from scratch, straight from the rule in docs/leaderboards.md: listed users only (not in ghost mode,
 * opted in), of that country or FOLLOWING set when given; highest score first; equal scores share a
 * rank (1, 2, 2, 4) and are ordered by user id, highest first; topPercent = 100 * rank / entries.
 */
export function rankBoard(facts: BoardFacts, board: BoardSpec): RankedEntry[] {
  const scoreOf = (user: UserFacts): number | undefined => {
    if ('exerciseId' in board) return facts.oneRepMax.get(`${board.exerciseId}:${user.id}`);
    return board.kind === 'XP_ALL_TIME' ? user.xp : facts.weekVolume.get(user.id);
  };
  const circle =
    'viewerId' in board && board.viewerId !== undefined
      ? new Set([board.viewerId, ...(facts.follows.get(board.viewerId) ?? [])])
      : null;
  const scored: { user: UserFacts; score: number }[] = [];
  for (const user of facts.users.values()) {
    if (!user.listed) continue;
    if (board.country !== null && user.country !== board.country) continue;
    if (circle && !circle.has(user.id)) continue;
    const score = scoreOf(user);
    if (score !== undefined) scored.push({ user, score });
  }
  scored.sort((a, b) => b.score - a.score || b.user.id - a.user.id);
  const entries: RankedEntry[] = [];
  for (const [i, { user, score }] of scored.entries()) {
    const previous = entries[i - 1];
    const rank = previous && previous.score === score ? previous.rank : i + 1;
    entries.push({ userId: user.id, username: user.username, rank, score, topPercent: (100 * rank) / scored.length });
  }
  return entries;
}
