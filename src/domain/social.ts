import type { Context } from '../context';
import type { TransactionSql } from '../db/client';
import type { UserRow } from '../db/rows';
import { fail, ok, type Result, signInTo } from '../errors';
import { inTransaction } from './transaction';

export interface FollowResult {
  user: UserRow;
  viewer: UserRow;
}

async function bothUsers(tx: TransactionSql, viewerId: number, userId: number): Promise<Result<FollowResult>> {
  const rows = await tx<UserRow[]>`/* social:readUsers */
    select * from users where id in (${viewerId}, ${userId})`;
  const user = rows.find((row) => row.id === userId);
  const viewer = rows.find((row) => row.id === viewerId);
  if (!user) return fail('NOT_FOUND', 'No such user', 'userId');
  if (!viewer) return fail('NOT_FOUND', 'Your account no longer exists');
  return ok({ user, viewer });
}

function primeUsers(ctx: Context, result: Result<FollowResult>): Result<FollowResult> {
  if (result.ok) {
    for (const row of [result.value.user, result.value.viewer]) ctx.loaders.userById.clear(row.id).prime(row.id, row);
  }
  return result;
}

/** Following twice changes nothing; a new follow records one FOLLOWED event at the follow's time. */
export async function follow(ctx: Context, userId: number): Promise<Result<FollowResult>> {
  if (!ctx.viewer) return signInTo('follow someone');
  if (userId === ctx.viewer.id) return fail('VALIDATION', 'You cannot follow yourself', 'userId');
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    const inserted = await tx<{ createdAt: Date }[]>`/* social:follow */
      insert into follows (follower_id, followee_id) values (${viewerId}, ${userId})
      on conflict do nothing returning created_at`;
    if (inserted[0]) {
      await tx`/* social:followedEvent */
        insert into activity_events (user_id, type, subject_id, created_at)
        values (${viewerId}, 'FOLLOWED', ${userId}, ${inserted[0].createdAt})`;
    }
    return bothUsers(tx, viewerId, userId);
  });
  return primeUsers(ctx, result);
}

/**
 * Unfollowing someone not followed changes nothing. An unfollow also deletes the FOLLOWED event,
 * so no feed keeps announcing a follow that no longer exists.
 */
export async function unfollow(ctx: Context, userId: number): Promise<Result<FollowResult>> {
  if (!ctx.viewer) return signInTo('unfollow someone');
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    const deleted = await tx`/* social:unfollow */
      delete from follows where follower_id = ${viewerId} and followee_id = ${userId} returning 1`;
    if (deleted.length > 0) {
      await tx`/* social:followedEventDelete */
        delete from activity_events where user_id = ${viewerId} and type = 'FOLLOWED' and subject_id = ${userId}`;
    }
    return bothUsers(tx, viewerId, userId);
  });
  return primeUsers(ctx, result);
}
