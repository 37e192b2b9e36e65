import type { Fragment } from 'postgres';
import type { Sql, TransactionSql } from './client';

/**
 * Who sees a workout: the one home of the rule, as SQL that every read reaching a workout (or an event,
 * record, comment or notification naming one) puts in its own statement, so a page of 20 holds 20
 * visible rows and a keyset cursor stays exact.
 *
 * A viewer's *audience* of an owner is the widest visibility of the owner's workouts the viewer sees:
 * ONLY_ME for the owner, null across a block (either way), FOLLOWERS for a follower, EVERYONE for
 * anyone else; anonymous callers see EVERYONE. A workout is visible when `visibility <= audience`
 * (the enum is declared in that order). Follows and blocks are primary-key probes inside the same
 * statement, never a viewer's whole follow set.
 */
export interface VisibilityOptions {
  /** Alias of the row holding `visibility` (a workout, or an activity event's copy of it). @default 'w' */
  alias?: string;
  /**
   * The owner's id as SQL. @default `<alias>.user_id`. Pass the page's parent (`k.parent`) when
   * every row has the same owner: the audience then refers to no column of the row, and PostgreSQL
   * computes it once per parent instead of once per row.
   */
  owner?: Fragment;
}

type AnySql = Sql | TransactionSql;

function ownerOf(sql: Sql, { alias = 'w', owner }: VisibilityOptions): Fragment {
  return owner ?? sql.unsafe(`${alias}.user_id`);
}

/** Whether either of the two users has blocked the other (two primary-key probes). */
export function blockedBetween(anySql: AnySql, a: Fragment | number, b: Fragment | number): Fragment {
  const sql = anySql as Sql;
  return sql`(exists (select 1 from blocks b where b.blocker_id = ${a} and b.blocked_id = ${b})
           or exists (select 1 from blocks b where b.blocker_id = ${b} and b.blocked_id = ${a}))`;
}

/** The widest visibility `viewerId` sees of the owner's workouts; null across a block. */
function audience(sql: Sql, viewerId: number, owner: Fragment): Fragment {
  return sql`(select case when ${owner} = ${viewerId}::bigint then 'ONLY_ME'::workout_visibility
                          when ${blockedBetween(sql, owner, sql`${viewerId}::bigint`)} then null
                          when exists (select 1 from follows vf where vf.follower_id = ${viewerId}::bigint
                                                                  and vf.followee_id = ${owner})
                            then 'FOLLOWERS'::workout_visibility
                          else 'EVERYONE'::workout_visibility end)`;
}

/** The workout row `alias` is visible to the viewer (null: anonymous). */
export function workoutVisible(anySql: AnySql, viewerId: number | null, options: VisibilityOptions = {}): Fragment {
  const sql = anySql as Sql;
  const column = sql.unsafe(`${options.alias ?? 'w'}.visibility`);
  if (viewerId === null) return sql`${column} = 'EVERYONE'::workout_visibility`;
  return sql`${column} <= ${audience(sql, viewerId, ownerOf(sql, options))}`;
}

/**
 * The workouts a viewer may try to like, comment on or unlike: those visible to them, and every
 * workout of someone on the other side of a block, so that the act reaches the database's one
 * refusal (refuse_across_block) and answers FORBIDDEN rather than NOT_FOUND.
 */
export function workoutReachable(anySql: AnySql, viewerId: number, options: VisibilityOptions = {}): Fragment {
  const sql = anySql as Sql;
  return sql`(${workoutVisible(sql, viewerId, options)}
           or ${blockedBetween(sql, ownerOf(sql, options), sql`${viewerId}::bigint`)})`;
}

/** Activity event types that name a workout, and so carry its visibility (drizzle/0025). */
const WORKOUT_EVENT_TYPES = `('WORKOUT_LOGGED', 'PERSONAL_RECORD')`;

/**
 * The activity event `alias` (default `a`) is visible to the viewer: an event naming a workout as its
 * workout is; the others (a level reached, a follow) stay public, across a block too. Reads only
 * columns of activity_events_public_idx, so pages stay index-only.
 */
export function eventVisible(anySql: AnySql, viewerId: number | null, options: VisibilityOptions = {}): Fragment {
  const sql = anySql as Sql;
  const alias = options.alias ?? 'a';
  return sql`(${sql.unsafe(`${alias}.type not in ${WORKOUT_EVENT_TYPES}`)}
           or ${workoutVisible(sql, viewerId, { ...options, alias })})`;
}

/**
 * The feed's filter: its rows are events of users the viewer follows, and a follow never stands
 * across a block (blocking removes both follows and refuse_across_block keeps new ones out), so the
 * audience there is FOLLOWERS by construction and needs no probe per followee.
 */
export function eventVisibleToFollower(anySql: AnySql, alias = 'a'): Fragment {
  return (anySql as Sql).unsafe(`${alias}.visibility <= 'FOLLOWERS'::workout_visibility`);
}
