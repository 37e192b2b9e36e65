// Statements on the request path that PostgreSQL plans once and keeps: after five custom plans it
// keeps the generic plan of a prepared statement if that costs no more, and planning a custom plan
// on every call cost more than running these statements.
import { describe, expect, it } from 'vitest';
import type { Sql } from '../src/db/client';
import { createLoaders, type Loaders } from '../src/loaders';
import { usersPage } from '../src/loaders/users';
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
