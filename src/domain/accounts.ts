import postgres from 'postgres';
import { forgetAccount } from '../auth/account-cache';
import { actAs, type Context } from '../context';
import type { TransactionSql } from '../db/client';
import type { UserRow } from '../db/rows';
import { fail, failWith, ok, type Result, serviceUnavailable, signInTo } from '../errors';
import { notifyCall, publish } from '../realtime/pubsub';
import { settleDepartures } from './teams';
import { inTransaction } from './transaction';
import { normalizeCountry, Validator } from './validate';

export interface CreateAccountInput {
  username: string;
  displayName: string;
  country?: string | null;
}

const USERNAME = /^[A-Za-z0-9_.]{3,30}$/;

/**
 * Creates the user of a signed-in identity that has none, and links the two, in one transaction.
 * The database decides every race: the username's case-insensitive unique index and the identity's
 * key refuse the losers, whose user rows roll back with their failed link.
 */
export async function createAccount(ctx: Context, input: CreateAccountInput): Promise<Result<{ viewer: UserRow }>> {
  if (ctx.viewer) return fail('CONFLICT', 'You already have an account');
  const identity = ctx.identity;
  if (!identity) return fail('UNAUTHENTICATED', 'Sign in with your identity provider to create an account');

  const displayName = input.displayName.trim();
  const country = input.country == null ? null : normalizeCountry(input.country);
  const check = new Validator()
    .check(USERNAME.test(input.username), 'username', 'username must be 3 to 30 characters of a-z, 0-9, "_" and "."')
    .text(displayName, 'displayName', 1, 50)
    .check(
      input.country == null || country !== null,
      'country',
      'country must be an assigned ISO 3166-1 alpha-2 code such as "SE"',
    );
  if (!check.ok) return failWith(check.errors);

  const result = await inTransaction(ctx, async (tx) => {
    const [user] = await tx<[UserRow]>`/* accounts:createUser */
      insert into users (username, display_name, country)
      values (${input.username}, ${displayName}, ${country}) returning *`;
    await tx`/* accounts:linkIdentity */
      insert into identities (issuer, subject, user_id) values (${identity.issuer}, ${identity.subject}, ${user.id})`;
    return ok({ viewer: user });
  });
  if (result.ok) {
    const user = result.value.viewer;
    ctx.identities.linked(identity.issuer, identity.subject, user.id);
    actAs(ctx, user.id);
    ctx.loaders.userById.prime(user.id, user);
  }
  return result;
}

/** What account deletion needs of a request. */
export type AccountsContext = Pick<Context, 'sql' | 'viewer' | 'loaders' | 'knownUsers' | 'identities'>;

/**
 * The deletion is one transaction whose cascades run in one statement: a heavy account (thousands
 * of workouts and follows) takes longer than the request statement timeout allows, so the
 * transaction sets its own. docs/accounts-deletion.md has the figures behind the number.
 */
export const ACCOUNT_DELETION_TIMEOUT_MS = 60_000;

/** Deadlocks are possible (the account's row is locked before the rows of those it follows); retried. */
const DEADLOCK = '40P01';
const ATTEMPTS = 3;

/**
 * Erases the viewer's account in one transaction, `username` (their own, any case) as confirmation.
 *
 * The user's row is deleted, so the foreign keys erase everything that named them (workouts with their
 * sets, records, likes and comments; their likes, comments and reactions; follows and blocks both ways;
 * notifications received and caused; activity; conversation memberships; idempotency keys; invitations),
 * and the triggers keep every counter, board, goal and team week exact as those rows go. Two things a
 * cascade cannot do are done first: their team memberships are left as leaveTeam leaves them (an owned
 * team passes to its earliest-joined member, an emptied team goes with its goals), and their messages
 * move to a new tombstone user (`deleted-<id>`, "Deleted user", off every board) with empty bodies,
 * keeping their sequence numbers.
 *
 * The user's row is locked FOR UPDATE before any of it, which blocks the foreign-key check of every
 * write that names them (a workout, a follow, a message, a membership): a write in flight commits
 * first and is erased with the rest; a later one fails when the row is gone. Nothing is orphaned.
 * The NOTIFY at the end makes every process forget the user at commit and ends their live streams.
 */
export async function deleteAccount(
  ctx: AccountsContext,
  input: { username: string },
): Promise<Result<{ deletedUserId: number }>> {
  if (!ctx.viewer) return signInTo('delete your account');
  const viewerId = ctx.viewer.id;
  const viewer = await ctx.loaders.userById.load(viewerId);
  if (!viewer) return fail('NOT_FOUND', 'Your account no longer exists');
  if (input.username.trim().toLowerCase() !== viewer.username.toLowerCase()) {
    return fail('VALIDATION', 'Type your own username to confirm the deletion', 'username');
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await inTransaction(ctx, (tx) => eraseAccount(tx, viewerId));
      if (result.ok) {
        // This process forgets at once; the others when the NOTIFY arrives (src/app.ts).
        forgetAccount(ctx, viewerId);
        ctx.loaders.userById.clear(viewerId);
      }
      return result;
    } catch (error) {
      if (!(error instanceof postgres.PostgresError) || error.code !== DEADLOCK) throw error;
      // Transient: the writes it lost to have committed, so a later try goes through.
      if (attempt >= ATTEMPTS) throw serviceUnavailable('timeout');
    }
  }
}

async function eraseAccount(tx: TransactionSql, userId: number): Promise<Result<{ deletedUserId: number }>> {
  await tx.unsafe(`set local statement_timeout = ${ACCOUNT_DELETION_TIMEOUT_MS}`);
  // The teams' lock order (drizzle/0027): team rows, then user rows.
  await tx`/* accounts:lockTeams */
    select 1 from teams where id in (select team_id from team_members where user_id = ${userId})
     order by id for no key update`;
  const [user] = await tx<{ id: number }[]>`/* accounts:lockUser */
    select id from users where id = ${userId} and deleted_at is null for update`;
  if (!user) return fail('NOT_FOUND', 'Your account no longer exists');

  const [tombstone] = await tx<[{ id: number }]>`/* accounts:tombstone */
    insert into users (username, display_name, country, ghost_mode, leaderboard_opt_in, deleted_at)
    values (${`deleted-${userId}`}, 'Deleted user', null, true, false, now())
    returning id`;
  await tx`/* accounts:keepMessages */
    update messages set sender_id = ${tombstone.id}, body = '' where sender_id = ${userId}`;

  // The other members of their conversations see them leave, as the tombstone (the user is gone).
  await tx`/* accounts:leaveConversations */
    with left_conversations as (
      delete from conversation_members where user_id = ${userId} returning conversation_id
    )
    select ${notifyCall(tx, {
      type: 'memberLeft',
      conversationId: tx`c.id`,
      userId: tombstone.id,
      memberCount: tx`c.member_count - 1`,
    })}
      from left_conversations l join conversations c on c.id = l.conversation_id`;
  // Their notifications to others go, and their numbers stay used: an unread one leaves a gap the
  // unread count subtracts (loader:unreadNotificationCount).
  await tx`/* accounts:deleteCausedNotifications */
    with gone as (
      delete from notifications where actor_id = ${userId} and recipient_id <> ${userId}
      returning recipient_id, sequence_number
    )
    insert into notification_gaps (recipient_id, sequence_number)
    select g.recipient_id, g.sequence_number
      from gone g join notification_states s on s.user_id = g.recipient_id
     where g.sequence_number > s.last_read_sequence_number`;
  // The follows' counter trigger locks both users of each row: taken here in id order, once, and as
  // late as the lock order allows (user rows before the goal rows the memberships' trigger locks),
  // since the people they follow and their followers wait for the commit to write.
  await tx`/* accounts:lockFollowed */
    select 1 from users
     where id in (select followee_id from follows where follower_id = ${userId}
                  union select follower_id from follows where followee_id = ${userId})
     order by id for no key update`;
  // Memberships are left as leaveTeam leaves them; their row trigger takes the user's shares out of
  // the goals and team weeks and moves memberCount.
  const left = await tx<{ teamId: number; role: string }[]>`/* accounts:leaveTeams */
    delete from team_members where user_id = ${userId} returning team_id, role`;
  await settleDepartures(tx, left);

  // The workouts go on their own, after the memberships (so no goal or team week moves per workout):
  // their cascades (sets, likes, comments, records, events) and triggers (totals, boards) are most of
  // the work.
  await tx`/* accounts:deleteWorkouts */ delete from workouts where user_id = ${userId}`;
  await tx`/* accounts:deleteUser */ delete from users where id = ${userId}`;
  await publish(tx, { type: 'accountDeleted', userId });
  return ok({ deletedUserId: userId });
}
