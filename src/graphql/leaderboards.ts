import type { Context } from '../context';
import type { UserRow } from '../db/rows';
import type { LeaderboardKind as Kind } from '../db/schema';
import { normalizeCountry } from '../domain/validate';
import { badInput, checkRange } from '../errors';
import {
  type Board,
  followingLeaderboardPage,
  LEADERBOARD_KEY_TYPES,
  type LeaderboardPageRow,
  leaderboardAround,
  leaderboardPage,
  refreshOf,
} from '../loaders/leaderboards';
import { type Page, type PageResult, parsePage } from '../pagination';
import { builder } from './builder';
import { type Connection, forwardArgs, pageComplexity, toConnection } from './connections';
import { idOf } from './ids';
import { User } from './users';

interface EntryShape {
  rank: number;
  score: number;
  user: UserRow;
}

type LeaderboardConnectionShape = Connection<EntryShape> & { refreshedAt: Date; weekStart: Date | null };

export const LeaderboardKind = builder.enumType('LeaderboardKind', {
  values: {
    XP_ALL_TIME: { description: 'Scores `xp`.' },
    VOLUME_THIS_WEEK: { description: 'Scores the volume of workouts started since Monday 00:00 UTC.' },
  } satisfies Record<Kind, unknown>,
});

export const LeaderboardEntry = builder.objectRef<EntryShape>('LeaderboardEntry').implement({
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: 'Equal scores share a rank: 1, 2, 2, 4.' }),
    score: t.exposeFloat('score'),
    user: t.field({ type: User, resolve: (entry) => entry.user }),
  }),
});

export const LeaderboardConnection = builder.connectionObject(
  {
    type: LeaderboardEntry,
    name: 'LeaderboardConnection',
    fields: (t) => ({
      refreshedAt: t.field({
        type: 'DateTime',
        description: 'The moment these rankings were computed; at most LEADERBOARD_REFRESH_SECONDS old.',
        resolve: (connection) => (connection as LeaderboardConnectionShape).refreshedAt,
      }),
      weekStart: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'For VOLUME_THIS_WEEK, the Monday 00:00 UTC the scored week began; null for XP_ALL_TIME.',
        resolve: (connection) => (connection as LeaderboardConnectionShape).weekStart,
      }),
    }),
  },
  { name: 'LeaderboardEdge' },
);

export const LeaderboardScope = builder.enumType('LeaderboardScope', {
  values: {
    GLOBAL: { description: 'Every listed user.' },
    FOLLOWING: { description: 'The viewer and the users they follow, ranked among themselves (anonymous: empty).' },
  },
});

function countryArg(country: string | null | undefined): string | null {
  if (country == null) return null;
  const normalized = normalizeCountry(country);
  if (!normalized) throw badInput('country must be an ISO-3166 alpha-2 code such as "SE"', 'country');
  return normalized;
}

type PageRow = Omit<LeaderboardPageRow, 'cursorKey'>;

function toEntry(ctx: Context, row: PageRow & { cursorKey?: string[] }): EntryShape {
  const { entryRank, entryScore, cursorKey: _key, ...user } = row;
  ctx.loaders.userById.prime(user.id, user);
  return { rank: entryRank, score: entryScore, user };
}

const EMPTY_PAGE: PageResult<LeaderboardPageRow> = { rows: [], hasNextPage: false, hasPreviousPage: false };

/**
 * A board page with the refresh that built it, read in the page's own statement (`refreshOf`); an
 * anonymous FOLLOWING board has no page to read, and reads the refresh row alone. Only on a database
 * never refreshed (new, or after a crash emptied the unlogged tables) the first request waits for a
 * refresh: better a wait than an empty board.
 */
async function boardConnection(
  ctx: Context,
  kind: Kind,
  read: () => Promise<PageResult<LeaderboardPageRow>> | null,
): Promise<LeaderboardConnectionShape> {
  const readWithRefresh = async (again: boolean) => {
    const page = await read();
    if (page) return { page, refresh: refreshOf(page) };
    const refreshes = ctx.loaders.leaderboardRefreshByKind;
    return { page: EMPTY_PAGE, refresh: await (again ? refreshes.clear(kind).load(kind) : refreshes.get(kind)) };
  };
  let { page, refresh } = await readWithRefresh(false);
  if (!refresh) {
    await ctx.leaderboards.ensureRefreshed();
    ({ page, refresh } = await readWithRefresh(true));
  }
  return {
    ...toConnection(page, (row: LeaderboardPageRow) => toEntry(ctx, row)),
    refreshedAt: refresh!.refreshedAt,
    weekStart: kind === 'VOLUME_THIS_WEEK' ? refresh!.weekStart : null,
  };
}

builder.queryField('leaderboard', (t) =>
  t.field({
    type: LeaderboardConnection,
    description:
      'Highest score first; equal scores share a rank and keep one order on every page and refresh (the ' +
      'newer account first). With `country` (ISO-3166 alpha-2), only that country’s users, ranked among ' +
      'themselves. Users in ghost mode or opted out are never listed, and the ranks below them close up ' +
      'at once. `scope: FOLLOWING` ranks the viewer and the users they follow among themselves.',
    args: {
      kind: t.arg({ type: LeaderboardKind, required: true }),
      country: t.arg.string(),
      scope: t.arg({ type: LeaderboardScope, defaultValue: 'GLOBAL' }),
      ...forwardArgs,
    },
    complexity: pageComplexity,
    resolve: (_root, args, ctx) => {
      const country = countryArg(args.country);
      const page: Page = parsePage(args, LEADERBOARD_KEY_TYPES);
      const viewerId = ctx.viewer?.id ?? null;
      if (args.scope === 'FOLLOWING') {
        return boardConnection(ctx, args.kind, () =>
          viewerId === null ? null : followingLeaderboardPage(ctx.sql, args.kind, country, viewerId, page),
        );
      }
      return boardConnection(ctx, args.kind, () => leaderboardPage(ctx.sql, { kind: args.kind }, country, page));
    },
  }),
);

builder.queryField('exerciseLeaderboard', (t) =>
  t.field({
    type: LeaderboardConnection,
    description:
      'Users by their ESTIMATED_ONE_REP_MAX record on the exercise, with the ranking, privacy and staleness ' +
      'rules of `leaderboard`.',
    args: { exerciseId: t.arg.id({ required: true }), country: t.arg.string(), ...forwardArgs },
    complexity: pageComplexity,
    resolve: (_root, args, ctx) => {
      const exerciseId = idOf('Exercise', args.exerciseId, 'exerciseId');
      const country = countryArg(args.country);
      const page = parsePage(args, LEADERBOARD_KEY_TYPES);
      // Rebuilt with XP_ALL_TIME in the same refresh, so that refresh row says when.
      return boardConnection(ctx, 'XP_ALL_TIME', () => leaderboardPage(ctx.sql, { exerciseId }, country, page)).then(
        (connection) => ({ ...connection, weekStart: null }),
      );
    },
  }),
);

builder.queryField('leaderboardAround', (t) =>
  t.field({
    type: [LeaderboardEntry],
    description:
      'The user’s entry (default: the viewer) and up to `radius` (0..10) entries above and below it, in ' +
      'board order; [] when the user is not listed.',
    args: {
      kind: t.arg({ type: LeaderboardKind, required: true }),
      country: t.arg.string(),
      userId: t.arg.id(),
      radius: t.arg.int({ defaultValue: 2 }),
    },
    complexity: { field: 1, multiplier: 21 },
    resolve: async (_root, args, ctx) => {
      const radius = checkRange(args.radius ?? 2, 0, 10, 'radius');
      const country = countryArg(args.country);
      const userId = args.userId == null ? (ctx.viewer?.id ?? null) : idOf('User', args.userId, 'userId');
      if (userId === null) return [];
      const board: Board = { kind: args.kind };
      let rows = await leaderboardAround(ctx.sql, board, country, userId, radius);
      if (rows.length === 0 && !(await ctx.loaders.leaderboardRefreshByKind.get(args.kind))) {
        await ctx.leaderboards.ensureRefreshed();
        rows = await leaderboardAround(ctx.sql, board, country, userId, radius);
      }
      return rows.map((row) => toEntry(ctx, row));
    },
  }),
);

builder.objectFields(User, (t) => ({
  rank: t.field({
    type: LeaderboardEntry,
    nullable: true,
    description: 'Null when the user is in ghost mode, opted out, or not on that board (yet).',
    args: {
      kind: t.arg({ type: LeaderboardKind, required: true }),
      withinCountry: t.arg.boolean({
        defaultValue: false,
        description: 'Rank among users of the same country (null without a country).',
      }),
    },
    resolve: async (user, args, ctx) => {
      const row = await ctx.loaders
        .leaderboardRankByUserId({ kind: args.kind, withinCountry: args.withinCountry ?? false })
        .load(user.id);
      return row ? { rank: row.rank, score: row.score, user } : null;
    },
  }),
}));
