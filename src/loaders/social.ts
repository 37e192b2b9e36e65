import type { Sql } from '../db/client';
import type { UserRow } from '../db/rows';
import { TIME_AND_ID } from '../pagination';
import { loader } from './factory';
import { pageLoader } from './keyset-pages';

/**
 * Followers and followings, most recent follow first, and whether the viewer follows a user. The
 * viewer's loader exists only for a signed-in viewer, so its cache can never answer for anyone else.
 * Pages do not prime userById, so the statements of a request never depend on which batch answered first.
 */
export function socialLoaders(sql: Sql, viewerId: number | null) {
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
  const followingByUserId = edgePages('loader:followingByUserId', 'follower_id', 'followee_id');

  const viewerFollows =
    viewerId === null
      ? null
      : loader<number, boolean>(async (userIds) => {
          const rows = await sql<{ followeeId: number }[]>`/* loader:viewerFollows */
            select followee_id from follows
             where follower_id = ${viewerId} and followee_id = any(${userIds as number[]}::bigint[])`;
          const followed = new Set(rows.map((row) => row.followeeId));
          return userIds.map((id) => followed.has(id));
        });

  return { followersByUserId, followingByUserId, viewerFollows };
}
