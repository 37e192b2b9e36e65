import type { Context } from '../context';
import type { BoardKind, LeaderboardKind as Kind } from '../db/schema';
import { DAY_MS } from '../domain/rules';
import { normalizeCountry } from '../domain/validate';
import { badInput, checkRange } from '../errors';
import { utcDate, weekRef } from '../jobs/boards';
import {
  type BoardPage,
  type BoardView,
  type EntryRow,
  followingLeaderboardPage,
  LEADERBOARD_KEY_TYPES,
  leaderboardAround,
  leaderboardPage,
} from '../loaders/leaderboards';
import { type Page, parsePage } from '../pagination';
import { builder } from './builder';
import { type Connection, EMPTY_CONNECTION, forwardArgs, pageComplexity, toConnection } from './connections';
import { idOf } from './ids';
import { User } from './users';

type EntryShape = EntryRow & { entryCount: number };

type LeaderboardConnectionShape = Connection<EntryShape> & {
  refreshedAt: Date;
  weekStart: Date | null;
  entryCount: number;
};

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
    previousRank: t.int({
      nullable: true,
      description: 'The rank on this board at the start of the current UTC day; null when not listed then.',
      resolve: (entry) => entry.previousRank,
    }),
    rankChange: t.int({
      nullable: true,
      description: '`previousRank - rank`: positive when the entry moved up since the day began.',
      resolve: (entry) => (entry.previousRank === null ? null : entry.previousRank - entry.rank),
    }),
    topPercent: t.float({
      description: '`100 * rank / entryCount` of this board: "top 0.4 %".',
      resolve: (entry) => (100 * entry.rank) / entry.entryCount,
    }),
  }),
});

export const LeaderboardConnection = builder.connectionObject(
  {
    type: LeaderboardEntry,
    name: 'LeaderboardConnection',
    fields: (t) => ({
      refreshedAt: t.field({
        type: 'DateTime',
        description: 'Every change committed before this moment is on the board (boards follow each commit).',
        resolve: (connection) => (connection as LeaderboardConnectionShape).refreshedAt,
      }),
      weekStart: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'For VOLUME_THIS_WEEK, the Monday 00:00 UTC the scored week began; null otherwise.',
        resolve: (connection) => (connection as LeaderboardConnectionShape).weekStart,
      }),
      entryCount: t.int({
        description: 'The entries of the whole board this page belongs to (that country, scope or exercise).',
        resolve: (connection) => (connection as LeaderboardConnectionShape).entryCount,
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

/** The board `kind` (or an exercise's) names at the clock's moment: VOLUME_THIS_WEEK is this week's. */
function viewOf(ctx: Context, board: BoardKind, country: string | null, exerciseId?: number): BoardView {
  const now = ctx.leaderboards.clock();
  const ref = board === 'XP_ALL_TIME' ? 0 : board === 'VOLUME_THIS_WEEK' ? weekRef(now) : exerciseId!;
  return { board, ref, country, day: utcDate(now) };
}

function toEntry(ctx: Context, entry: EntryRow, entryCount: number): EntryShape {
  ctx.loaders.userById.prime(entry.user.id, entry.user);
  return { ...entry, entryCount };
}

function boardConnection(ctx: Context, view: BoardView, page: BoardPage): LeaderboardConnectionShape {
  return {
    ...toConnection(page, (row) => toEntry(ctx, row, page.entryCount)),
    refreshedAt: page.refreshedAt,
    // The week the page was read for, not the clock again: across Monday 00:00 the two would differ.
    weekStart: view.board === 'VOLUME_THIS_WEEK' ? new Date(view.ref * DAY_MS) : null,
    entryCount: page.entryCount,
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
    resolve: async (_root, args, ctx) => {
      const country = countryArg(args.country);
      const page: Page = parsePage(args, LEADERBOARD_KEY_TYPES);
      const view = viewOf(ctx, args.kind, country);
      if (args.scope !== 'FOLLOWING')
        return boardConnection(ctx, view, await leaderboardPage(ctx.sql, 'page:leaderboard', view, page));
      const viewerId = ctx.viewer?.id ?? null;
      if (viewerId === null) return { ...EMPTY_CONNECTION, refreshedAt: new Date(), weekStart: null, entryCount: 0 };
      return boardConnection(ctx, view, await followingLeaderboardPage(ctx.sql, view, viewerId, page));
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
    resolve: async (_root, args, ctx) => {
      const exerciseId = idOf('Exercise', args.exerciseId, 'exerciseId');
      const country = countryArg(args.country);
      const page = parsePage(args, LEADERBOARD_KEY_TYPES);
      const view = viewOf(ctx, 'EXERCISE_ONE_REP_MAX', country, exerciseId);
      return boardConnection(ctx, view, await leaderboardPage(ctx.sql, 'page:exerciseLeaderboard', view, page));
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
      const around = await leaderboardAround(ctx.sql, viewOf(ctx, args.kind, country), userId, radius);
      return around.entries.map((entry) => toEntry(ctx, entry, around.entryCount));
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
      const view = viewOf(ctx, args.kind, null);
      const row = await ctx.loaders
        .leaderboardRankByUserId({ ...view, withinCountry: args.withinCountry ?? false })
        .load(user.id);
      return (
        row && { user, score: row.score, rank: row.rank, previousRank: row.previousRank, entryCount: row.entryCount }
      );
    },
  }),
}));
