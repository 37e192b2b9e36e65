import type { Sql } from '../../src/db/client';
import { encodeGlobalId } from '../../src/graphql/ids';

export interface SeededUser {
  id: number;
  globalId: string;
  username: string;
}

let sequence = 0;

/** Inserts a user directly (there is no sign-up mutation); names are unique per test process. */
export async function createUser(
  sql: Sql,
  fields: Partial<{
    username: string;
    displayName: string;
    country: string | null;
    ghostMode: boolean;
    leaderboardOptIn: boolean;
  }> = {},
): Promise<SeededUser> {
  sequence += 1;
  const username = fields.username ?? `user_${process.pid}_${sequence}`;
  const [row] = await sql<[{ id: number }]>`
    insert into users (username, display_name, country, ghost_mode, leaderboard_opt_in)
    values (${username}, ${fields.displayName ?? `User ${sequence}`}, ${fields.country ?? null},
            ${fields.ghostMode ?? false}, ${fields.leaderboardOptIn ?? true})
    returning id`;
  return { id: row.id, globalId: encodeGlobalId('User', row.id), username };
}

export async function createUsers(sql: Sql, count: number): Promise<SeededUser[]> {
  const users: SeededUser[] = [];
  for (let i = 0; i < count; i += 1) users.push(await createUser(sql));
  return users;
}

export function globalId(typename: string, id: number): string {
  return encodeGlobalId(typename, id);
}
