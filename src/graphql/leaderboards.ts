import type { UserRow } from '../db/rows';
import type { LeaderboardKind as Kind } from '../db/schema';
import { normalizeCountry } from '../domain/validate';
import { badInput } from '../errors';
import { leaderboardPage } from '../loaders/leaderboards';
import { builder } from './builder';
import { type Connection, forwardArgs, pageComplexity, toConnection } from './connections';
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

builder.queryField('leaderboard', (t) =>
  t.field({
    type: LeaderboardConnection,
    description:
      'Highest score first; equal scores share a rank and keep one order on every page and refresh (the ' +
      'newer account first). With `country` (ISO-3166 alpha-2), only that country’s users, ranked among ' +
      'themselves. Users in ghost mode or opted out are never listed.',
    args: { kind: t.arg({ type: LeaderboardKind, required: true }), country: t.arg.string(), ...forwardArgs },
    complexity: pageComplexity,
    resolve: async (_root, args, ctx) => {
      const country = args.country == null ? null : normalizeCountry(args.country);
      if (args.country != null && !country) {
        throw badInput('country must be an ISO-3166 alpha-2 code such as "SE"', 'country');
      }
      let [refresh, result] = await Promise.all([
        ctx.loaders.leaderboardRefreshByKind.load(args.kind),
        leaderboardPage(ctx.sql, args.kind, country, args),
      ]);
      if (!refresh) {
        // Only on a database never refreshed (new, or after a crash emptied the unlogged tables):
        // better a wait than an empty board.
        await ctx.leaderboards.ensureRefreshed();
        [refresh, result] = await Promise.all([
          ctx.loaders.leaderboardRefreshByKind.clear(args.kind).load(args.kind),
          leaderboardPage(ctx.sql, args.kind, country, args),
        ]);
      }
      const connection = toConnection(result, ({ entryRank, entryScore, cursorKey: _key, ...user }) => {
        ctx.loaders.userById.prime(user.id, user);
        return { rank: entryRank, score: entryScore, user };
      });
      return {
        ...connection,
        refreshedAt: refresh!.refreshedAt,
        weekStart: args.kind === 'VOLUME_THIS_WEEK' ? refresh!.weekStart : null,
      };
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
