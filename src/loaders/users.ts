import type { Sql } from '../db/client';
import type { UserRow } from '../db/rows';
import type { ConnectionArgs } from '../pagination';
import { byKey, inKeys, loader, primeRows } from './factory';
import { keysetPage } from './keyset-pages';

export const USER_KEY = ['lower(u.username)'] as const;

export function userLoaders(sql: Sql) {
  const userById = loader<number, UserRow | null>(async (ids) => {
    const rows = await sql<UserRow[]>`/* loader:userById */
      select * from users where id ${inKeys(sql, ids, 'bigint')}`;
    return byKey(ids, rows, (row) => row.id);
  });

  const userByUsername = loader<string, UserRow | null>(async (names) => {
    const lowered = names.map((name) => name.toLowerCase());
    const rows = await sql<UserRow[]>`/* loader:userByUsername */
      select * from users where lower(username) ${inKeys(sql, lowered, 'text')}`;
    primeRows(userById, rows);
    return byKey(lowered, rows, (row) => row.username.toLowerCase());
  });

  return { userById, userByUsername };
}

/** Escapes LIKE wildcards so a search for "a_b" matches only that text. */
function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The user directory in username order; `search` matches a username or display-name prefix. A deleted
 * account's tombstone is no one to find (it is only its messages' sender).
 */
export async function usersPage(sql: Sql, args: ConnectionArgs & { search?: string | null }) {
  const search = args.search?.trim();
  const where = search
    ? sql`u.deleted_at is null and (lower(u.username) like ${likePrefix(search)} or lower(u.display_name) like ${likePrefix(search)})`
    : sql`u.deleted_at is null`;
  return keysetPage<UserRow>(
    sql,
    {
      name: 'page:users',
      key: USER_KEY,
      keyTypes: ['text'],
      order: 'asc',
      select: sql`u.*`,
      from: sql`users u`,
      where,
    },
    args,
  );
}
