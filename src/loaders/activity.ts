import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import type { ActivityType, activityEvents } from '../db/schema';
import { eventVisible, eventVisibleToFollower } from '../db/visibility';
import { type ConnectionArgs, type Page, type PageResult, parsePage, TIME_AND_ID } from '../pagination';
import { byKey, inKeys, loader, loaderPerArgs } from './factory';
import { keysetPages, keyValue, rowLimit } from './keyset-pages';

export type ActivityEventRow = typeof activityEvents.$inferSelect;

export interface ActivityArgs extends ConnectionArgs {
  /** Only these types; all when null or empty. */
  types?: ActivityType[] | null;
}

/** A checked activity request: the page, and the distinct types in one order (null for all). */
export interface ActivityFilter {
  page: Page;
  types: ActivityType[] | null;
}

export function activityFilter(args: ActivityArgs): ActivityFilter {
  const types = args.types && args.types.length > 0 ? [...new Set(args.types)].sort() : null;
  return { page: parsePage(args, TIME_AND_ID), types };
}

function typeFilter(sql: Sql, types: ActivityType[] | null): Fragment {
  return types ? sql`a.type = any(${types}::activity_type[])` : sql`true`;
}

export function activityLoaders(sql: Sql, viewerId: number | null) {
  const eventById = loader<number, ActivityEventRow | null>(async (ids) => {
    const rows = await sql<ActivityEventRow[]>`/* loader:eventById */
      select a.* from activity_events a
       where a.id ${inKeys(sql, ids, 'bigint')} and ${eventVisible(sql, viewerId)}`;
    return byKey(ids, rows, (row) => row.id);
  });

  /**
   * A user's events, newest first. Other users' pages read the partial index of public events (its
   * predicate matches `type <> 'MESSAGE_SENT'` exactly, so rows come out in index order); only the
   * viewer's own page, with MESSAGE_SENT, reads the full per-user index.
   */
  const activityPages = (name: string, visible: (user: Fragment) => Fragment) => {
    const byFilter = loaderPerArgs(({ page, types }: ActivityFilter) =>
      loader<number, PageResult<ActivityEventRow & { cursorKey: string[] }>>((userIds) =>
        keysetPages<ActivityEventRow>(
          sql,
          {
            name,
            key: ['a.created_at', 'a.id'],
            keyTypes: TIME_AND_ID,
            order: 'desc',
            select: sql`a.*`,
            from: sql`activity_events a`,
            where: (user) => sql`a.user_id = ${user} and ${visible(user)} and ${typeFilter(sql, types)}`,
          },
          userIds,
          page,
        ),
      ),
    );
    return (args: ActivityArgs) => byFilter(activityFilter(args));
  };

  const activityByUserId = activityPages(
    'loader:activityByUserId',
    (user) => sql`a.type <> 'MESSAGE_SENT' and ${eventVisible(sql, viewerId, { owner: user })}`,
  );
  const ownActivity = viewerId === null ? null : activityPages('loader:ownActivity', () => sql`true`);

  return { eventById, activityByUserId, ownActivity };
}

/**
 * The viewer's feed: public events of everyone the viewer follows, newest first. A top-N merge
 * over the per-user index: for each followee, the partial index activity_events_public_idx yields
 * at most limit + 1 (id, created_at) pairs past the cursor without touching the heap; the union is
 * sorted once and only the winners are fetched. Cost grows with followees × page size, never with
 * how many events each followee has.
 */
export async function feedPage(
  sql: Sql,
  viewerId: number,
  { page, types }: ActivityFilter,
): Promise<PageResult<ActivityEventRow & { cursorKey: string[] }>> {
  const after = page.after
    ? sql`and (a.created_at, a.id) < (${keyValue(sql, page.after[0]!, 'timestamptz')}, ${keyValue(sql, page.after[1]!, 'bigint')})`
    : sql``;
  const newerExists = page.after
    ? sql`exists (select 1 from follows f where f.follower_id = ${viewerId} and exists (
          select 1 from activity_events a
           where a.user_id = f.followee_id and a.type <> 'MESSAGE_SENT' and ${typeFilter(sql, types)}
             and ${eventVisibleToFollower(sql)}
             and (a.created_at, a.id) >= (${keyValue(sql, page.after[0]!, 'timestamptz')}, ${keyValue(sql, page.after[1]!, 'bigint')})))`
    : sql`false`;
  // On a first page without a type filter, only followees whose newest public event is among the
  // page's newest can appear (drizzle/0011_feed_latest_activity.sql), so the merge reads only those.
  const followees =
    page.after || types
      ? sql`(select followee_id from follows where follower_id = ${viewerId})`
      : // One pass over the followees' users rows (materialized: a thousand index probes, read once for
        // the threshold and once for the filter, were half of the statement's time).
        sql`(with followed as materialized (
              select f.followee_id, u.last_public_activity_at as active_at
                from follows f join users u on u.id = f.followee_id
               where f.follower_id = ${viewerId} and u.last_public_activity_at is not null)
            select followee_id from followed
             where active_at >= coalesce((
                     select active_at from followed order by active_at desc offset ${rowLimit(sql, page.limit)} limit 1), '-infinity'))`;
  const rows = await sql<(ActivityEventRow & { cursorKey: string[] | null; newerExists: boolean })[]>`/* page:feed */
    select o.newer_exists, e.*,
           case when e.id is null then null else array[e.created_at::text, e.id::text] end as cursor_key
      from (select ${newerExists} as newer_exists) o
      left join lateral (
        select top.id
          from ${followees} f
         cross join lateral (
           select a.id, a.created_at
             from activity_events a
            where a.user_id = f.followee_id and a.type <> 'MESSAGE_SENT' and ${typeFilter(sql, types)}
              and ${eventVisibleToFollower(sql)} ${after}
            order by a.created_at desc nulls last, a.id desc nulls last
            limit ${rowLimit(sql, page.limit + 1)}
         ) top
         order by top.created_at desc, top.id desc
         limit ${rowLimit(sql, page.limit + 1)}
      ) winners on true
      left join activity_events e on e.id = winners.id
     order by e.created_at desc, e.id desc`;
  const events = rows.filter((row) => row.cursorKey !== null) as (ActivityEventRow & { cursorKey: string[] })[];
  return {
    rows: events.slice(0, page.limit),
    hasNextPage: events.length > page.limit,
    hasPreviousPage: rows[0]?.newerExists ?? false,
  };
}
