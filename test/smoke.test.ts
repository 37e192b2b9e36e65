import { describe, expect, it } from 'vitest';
import { expectData, run } from './kit/client';
import { createUser } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

describe('Query.viewer', () => {
  it('is the caller', async () => {
    const alice = await createUser(db.sql, { username: 'alice' });
    const result = await run(db, '{ viewer { id username } muscles { name } }', {}, { as: alice.id });
    expect(expectData(result).viewer).toEqual({ id: alice.globalId, username: 'alice' });
    console.log(result.extensions);
  });
});
