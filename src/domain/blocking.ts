import type { Context } from '../context';
import type { UserRow } from '../db/rows';
import { fail, ok, type Result, signInTo } from '../errors';
import { inTransaction } from './transaction';

export interface BlockResult {
  user: UserRow;
  viewer: UserRow;
}

/**
 * Blocks a user: the block and the removal of any follow between the two, both ways, in one
 * transaction. The pair's lock (block_pair_lock, drizzle/0025) is taken first, in a statement of its
 * own: the follows are then read in a snapshot taken after any racing follow committed, and any follow
 * still to come waits for this commit and is refused. The follow counters move with the deleted rows
 * (tg_follows__counters), and the FOLLOWED events go as an unfollow's do. Blocking twice changes nothing.
 */
export async function blockUser(ctx: Context, userId: number): Promise<Result<BlockResult>> {
  if (!ctx.viewer) return signInTo('block someone');
  if (userId === ctx.viewer.id) return fail('VALIDATION', 'You cannot block yourself', 'userId');
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    await tx`/* blocking:lockPair */ select block_pair_lock(${viewerId}::bigint, ${userId}::bigint)`;
    const [target] = await tx<{ found: boolean }[]>`/* blocking:block */
      with target as (select id from users where id = ${userId} and deleted_at is null),
      blocked as (
        insert into blocks (blocker_id, blocked_id) select ${viewerId}, id from target
        on conflict do nothing
      ), unfollowed as (
        delete from follows
         where (follower_id, followee_id) in ((${viewerId}, ${userId}), (${userId}, ${viewerId}))
           and exists (select 1 from target)
        returning follower_id, followee_id
      ), events as (
        delete from activity_events a using unfollowed f
         where a.user_id = f.follower_id and a.type = 'FOLLOWED' and a.subject_id = f.followee_id
      )
      select exists (select 1 from target) as found`;
    if (!target?.found) return fail('NOT_FOUND', 'No such user', 'userId');
    return bothUsers(tx, viewerId, userId);
  });
  return primeUsers(ctx, result);
}

/** Lifts the viewer's block; no follow comes back. Unblocking someone not blocked changes nothing. */
export async function unblockUser(ctx: Context, userId: number): Promise<Result<BlockResult>> {
  if (!ctx.viewer) return signInTo('unblock someone');
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    await tx`/* blocking:lockPair */ select block_pair_lock(${viewerId}::bigint, ${userId}::bigint)`;
    await tx`/* blocking:unblock */ delete from blocks where blocker_id = ${viewerId} and blocked_id = ${userId}`;
    return bothUsers(tx, viewerId, userId);
  });
  return primeUsers(ctx, result);
}

async function bothUsers(
  tx: Parameters<Parameters<typeof inTransaction>[1]>[0],
  viewerId: number,
  userId: number,
): Promise<Result<BlockResult>> {
  const rows = await tx<UserRow[]>`/* blocking:readUsers */ select * from users where id in (${viewerId}, ${userId})`;
  const user = rows.find((row) => row.id === userId);
  const viewer = rows.find((row) => row.id === viewerId);
  if (!user) return fail('NOT_FOUND', 'No such user', 'userId');
  if (!viewer) return fail('NOT_FOUND', 'Your account no longer exists');
  return ok({ user, viewer });
}

/** The payload's users are read after the change; nothing the request cached about the pair holds. */
function primeUsers(ctx: Context, result: Result<BlockResult>): Result<BlockResult> {
  if (result.ok) {
    for (const row of [result.value.user, result.value.viewer]) ctx.loaders.userById.clear(row.id).prime(row.id, row);
    ctx.loaders.viewerFollows?.clear(result.value.user.id);
    ctx.loaders.viewerHasBlocked?.clear(result.value.user.id);
  }
  return result;
}
