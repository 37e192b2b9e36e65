// Statements on the request path that PostgreSQL plans once and keeps: after five custom plans it
// keeps the generic plan of a prepared statement if that costs no more, and planning a custom plan
// on every call cost more than running these statements.
import { describe, expect, it } from 'vitest';
import type { Sql } from '../src/db/client';
import { createLoaders, type Loaders } from '../src/loaders';
import { teamBoardPage } from '../src/loaders/teams';
import { usersPage } from '../src/loaders/users';
import { cursorCodec } from '../src/pagination';
import { createUsers } from './kit/seed';
import { exercises, insertWorkout } from './kit/training';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

/** Runs `read` eight times on one connection, each on fresh loaders; returns the plans its statement got. */
async function plansOf(name: string, read: (loaders: Loaders, sql: Sql) => Promise<unknown>) {
  const connection = await db.sql.reserve();
  const plans = async () => {
    const [row] = await connection<{ genericPlans: number; customPlans: number }[]>`
      select generic_plans, custom_plans from pg_prepared_statements
       where statement like ${`%/* ${name} */%`} and statement not like '%pg_prepared_statements%'`;
    return row ?? { genericPlans: 0, customPlans: 0 };
  };
  try {
    const before = await plans();
    for (let i = 0; i < 8; i++)
      await read(createLoaders(connection as unknown as Sql, null), connection as unknown as Sql);
    const after = await plans();
    return { generic: after.genericPlans - before.genericPlans, custom: after.customPlans - before.customPlans };
  } finally {
    connection.release();
  }
}

describe('generic plans', () => {
  it('loader:userByUsernameWithFollowers for one profile', async () => {
    const [star, ...fans] = await createUsers(db.sql, 4);
    for (const fan of fans)
      await db.sql`insert into follows (follower_id, followee_id) values (${fan.id}, ${star!.id})`;
    const plans = await plansOf('loader:userByUsernameWithFollowers', async (loaders) => {
      expect((await loaders.userByUsernameWithFollowers(star!.username, { first: 2 }))?.id).toBe(star!.id);
    });
    expect(plans).toEqual({ custom: 5, generic: 3 });
  });

  it('loader:setsByWorkoutId for one workout', async () => {
    const [athlete] = await createUsers(db.sql, 1);
    const [exerciseId] = (await exercises(db.sql)).byName.values();
    const workout = await insertWorkout(db.sql, athlete!.id, new Date(), [
      { exerciseId: exerciseId!, reps: 5, weightKg: 100 },
    ]);
    const plans = await plansOf('loader:setsByWorkoutId', async (loaders) => {
      expect(await loaders.setsByWorkoutId.load(workout)).toHaveLength(1);
    });
    expect(plans).toEqual({ custom: 5, generic: 3 });
  });

  it('page:users, whose LIMIT is written into the statement', async () => {
    // Enough users that a plan costing `limit $1` as a tenth of them loses to a custom one.
    await db.sql`insert into users (username, display_name) select 'member_' || g, 'Member' from generate_series(1, 5000) g`;
    await db.sql`analyze users`;
    const plans = await plansOf('page:users', async (_loaders, sql) => {
      expect((await usersPage(sql, { first: 2 })).rows).toHaveLength(2);
    });
    expect(plans).toEqual({ custom: 5, generic: 3 });
  });
});

/** Every plan node of an EXPLAIN (FORMAT JSON) tree, depth first. */
function planNodes(node: Record<string, unknown>): Record<string, unknown>[] {
  const children = (node.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [node, ...children.flatMap(planNodes)];
}

describe('index use', () => {
  // The page's ORDER BY must match team_board_order_idx (score desc nulls last, team_id desc nulls
  // last) exactly: without its `nulls last`, PostgreSQL sorts every team on the board for each page.
  it('page:teamLeaderboard walks team_board_order_idx, first page and deep, with no sort of the board', async () => {
    const teams = 20_000;
    await db.sql`insert into teams (name) select 'Board team ' || g from generate_series(1, ${teams}) g`;
    await db.sql`
      insert into team_board (team_id, metric, week_start, score)
      select id, 'XP', team_week_of(now()), id from teams`;
    await db.sql`analyze teams`;
    await db.sql`analyze team_board`;

    const connection = await db.sql.reserve();
    try {
      const first = await teamBoardPage(connection as unknown as Sql, 'XP', { first: 20 });
      expect(first.rows).toHaveLength(20);
      const deep = await teamBoardPage(connection as unknown as Sql, 'XP', {
        first: 20,
        after: cursorCodec.encode(first.rows.at(-1)!.cursorKey),
      });
      expect(deep.rows[0]!.rank).toBe(21);

      const statements = await connection<{ statement: string; parameterTypes: string[] }[]>`
        select statement, parameter_types::text[] as parameter_types from pg_prepared_statements
         where statement like '%/* page:teamLeaderboard */%' and statement not like '%pg_prepared_statements%'`;
      // The first page and the page after a cursor are two statements.
      expect(statements).toHaveLength(2);
      // The plan PostgreSQL keeps for a prepared statement is the generic one (see above).
      await connection`set plan_cache_mode = force_generic_plan`;
      for (const [i, { statement, parameterTypes }] of statements.entries()) {
        await connection.unsafe(`prepare board_page_${i} (${parameterTypes.join(', ')}) as ${statement}`);
        const [{ 'QUERY PLAN': explained }] = (await connection.unsafe(
          `explain (format json) execute board_page_${i} (${parameterTypes.map(() => 'null').join(', ')})`,
        )) as unknown as [{ 'QUERY PLAN': [{ Plan: Record<string, unknown> }] }];
        const page = planNodes(explained[0].Plan).find((node) => node['Subplan Name'] === 'CTE p')!;
        const pageNodes = planNodes(page);
        expect(pageNodes.map((node) => node['Node Type'])).not.toContain('Sort');
        expect(pageNodes.some((node) => node['Index Name'] === 'team_board_order_idx')).toBe(true);
        const boardScans = planNodes(explained[0].Plan).filter((node) => node['Relation Name'] === 'team_board');
        expect(boardScans.map((node) => node['Node Type'])).not.toContain('Seq Scan');
        await connection.unsafe(`deallocate board_page_${i}`);
      }
    } finally {
      await connection`reset plan_cache_mode`;
      connection.release();
    }
  });
});
