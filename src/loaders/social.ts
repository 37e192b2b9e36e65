import type { Sql } from '../db/client';
import { type UserRow, userColumns } from '../db/rows';
import { type ConnectionArgs, type Page, type PageResult, parsePage, TIME_AND_ID } from '../pagination';
import { inKeys, loader, loaderPerArgs } from './factory';
import { pageLoader, rowLimit } from './keyset-pages';
import type { userLoaders } from './users';

export type FollowerRow = UserRow & { cursorKey: string[] };

export interface UserWithFollowers {
  user: UserRow;
  followers: PageResult<FollowerRow>;
}

/**
 * Followers and followings, most recent follow first, and whether the viewer follows a user. The
 * viewer's loader exists only for a signed-in viewer, so its cache can never answer for anyone else.
 */
export function socialLoaders(sql: Sql, viewerId: number | null, users: ReturnType<typeof userLoaders>) {
  const edgePages = (name: string, side: 'follower_id' | 'followee_id', other: 'follower_id' | 'followee_id') =>
    pageLoader<UserRow>(sql, {
      name,
      key: ['f.created_at', `f.${other}`],
      keyTypes: TIME_AND_ID,
      order: 'desc',
      select: sql`u.*`,
      from: sql`follows f join users u on u.id = ${sql.unsafe(`f.${other}`)}`,
      where: (user) => sql`${sql.unsafe(`f.${side}`)} = ${user}`,
    });

  const followersByUserId = edgePages('loader:followersByUserId', 'followee_id', 'follower_id');
  // Built when first read: its fragments cost more than a profile read spends on its own loaders.
  let followingByUserId: ReturnType<typeof edgePages> | undefined;

  const viewerFollows =
    viewerId === null
      ? null
      : loader<number, boolean>(async (userIds) => {
          const rows = await sql<{ followeeId: number }[]>`/* loader:viewerFollows */
            select followee_id from follows
             where follower_id = ${viewerId} and followee_id ${inKeys(sql, userIds, 'bigint')}`;
          const followed = new Set(rows.map((row) => row.followeeId));
          return userIds.map((id) => followed.has(id));
        });

  const viewerHasBlocked =
    viewerId === null
      ? null
      : loader<number, boolean>(async (userIds) => {
          const rows = await sql<{ blockedId: number }[]>`/* loader:viewerHasBlocked */
            select blocked_id from blocks
             where blocker_id = ${viewerId} and blocked_id ${inKeys(sql, userIds, 'bigint')}`;
          const blocked = new Set(rows.map((row) => row.blockedId));
          return userIds.map((id) => blocked.has(id));
        });

  /** The users someone has blocked, most recent block first; callers ask for the viewer's own only. */
  const blockedByUserId = pageLoader<UserRow>(sql, {
    name: 'loader:blockedByUserId',
    key: ['b.created_at', 'b.blocked_id'],
    keyTypes: TIME_AND_ID,
    order: 'desc',
    select: sql`u.*`,
    from: sql`blocks b join users u on u.id = b.blocked_id`,
    where: (user) => sql`b.blocker_id = ${user}`,
  });

  /**
   * A user by username with the first page of their followers, in one statement instead of two
   * round trips one after the other: the user row, then its followers read the same way as
   * `followersByUserId` (newest follow first, `limit + 1` rows for hasNextPage). A first page has
   * nothing before it, so hasPreviousPage is false, as keysetPages gives it.
   */
  const withFirstFollowers = loaderPerArgs((page: Page) =>
    loader<string, UserWithFollowers | null>(async (names) => {
      const lowered = names.map((name) => name.toLowerCase());
      type Row = FollowerRow & { pageIndex: number; part: number };
      // One name (a profile read) is compared as a scalar, so PostgreSQL keeps a generic plan: with an
      // array of unknown length every generic plan looked costlier than a custom one, and it planned
      // again on every call. The generic plan walks follows_followers_idx in order under the limit,
      // which a custom plan for a much-followed user gave up for a sort of every follower.
      const target =
        lowered.length === 1
          ? sql`select 1::bigint as idx, u.id from users u where lower(u.username) = ${lowered[0]!}`
          : sql`select k.idx, u.id from unnest(${lowered}::text[]) with ordinality as k(name, idx)
                  join users u on lower(u.username) = k.name`;
      const rows = await sql<Row[]>`
        /* loader:userByUsernameWithFollowers */
        with target as materialized (${target})
        select t.idx as page_index, 0::bigint as part, ${userColumns(sql, 'u')}, null::text[] as cursor_key
          from target t join users u on u.id = t.id
        union all
        select t.idx, p.part, ${userColumns(sql, 'p')}, p.cursor_key
          from target t cross join lateral (
            -- Numbered in the order read, so the rows need no sort keys of their own to come back in it.
            select row_number() over (order by s.followed_at desc nulls last, s.follower_key desc nulls last) as part, s.*
              from (select f.created_at as followed_at, f.follower_id as follower_key, u.*, array[f.created_at::text, f.follower_id::text] as cursor_key
                      from follows f join users u on u.id = f.follower_id
                     where f.followee_id = t.id
                     order by f.created_at desc nulls last, f.follower_id desc nulls last
                     limit ${rowLimit(sql, page.limit + 1)}) s
          ) p
        order by page_index, part`;
      const found = new Map<number, UserWithFollowers>();
      // Each row keeps its pageIndex and part: nothing reads them, and a copy per row to drop them costs more.
      for (const row of rows) {
        const { pageIndex, part } = row;
        if (part === 0)
          found.set(pageIndex, { user: row, followers: { rows: [], hasNextPage: false, hasPreviousPage: false } });
        else found.get(pageIndex)!.followers.rows.push(row);
      }
      for (const { followers } of found.values()) {
        followers.hasNextPage = followers.rows.length > page.limit;
        followers.rows = followers.rows.slice(0, page.limit);
      }
      return lowered.map((_name, i) => found.get(i + 1) ?? null);
    }),
  );

  /**
   * A user by username; given the arguments of the followers page selected under it, a first page
   * (no cursor) is read in the same statement, and the user primes userById and the page primes
   * followersByUserId(followers), so the fields answer what they alone would. Any other page, or
   * arguments that do not parse, are left to the followers field.
   */
  const userByUsernameWithFollowers = (
    username: string,
    followers: ConnectionArgs | null,
  ): UserRow | null | Promise<UserRow | null> => {
    const page = followers && followers.after == null ? firstPage(followers) : null;
    if (!followers || !page) return users.userByUsername.get(username);
    return withFirstFollowers(page)
      .load(username)
      .then((found) => {
        if (!found) return null;
        users.userById.prime(found.user.id, found.user);
        followersByUserId(followers).prime(found.user.id, found.followers);
        return found.user;
      });
  };

  return {
    followersByUserId,
    get followingByUserId() {
      followingByUserId ??= edgePages('loader:followingByUserId', 'follower_id', 'followee_id');
      return followingByUserId;
    },
    viewerFollows,
    viewerHasBlocked,
    blockedByUserId,
    userByUsernameWithFollowers,
  };
}

function firstPage(args: ConnectionArgs): Page | null {
  try {
    return parsePage(args, TIME_AND_ID);
  } catch {
    return null; // The followers field reports its own bad argument.
  }
}
