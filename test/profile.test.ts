import { describe, expect, it } from 'vitest';
import { graphql } from './gql';
import type { UpdateProfileInput } from './gql/graphql';
import { expectData, present, run } from './kit/client';
import { createUser, type SeededUser } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

const UPDATE = graphql(`mutation ProfileUpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    user { displayName country ghostMode leaderboardOptIn }
    errors { code message field }
  }
}`);

async function profileRow(id: number) {
  const [row] = await db.sql`select display_name, country, ghost_mode, leaderboard_opt_in from users where id = ${id}`;
  return row;
}

describe('Mutation.updateProfile', () => {
  it('changes only the fields given and normalises the country to upper case', async () => {
    const user = await createUser(db.sql, { displayName: 'Old', country: 'SE' });
    const result = expectData(
      await run(db, UPDATE, { input: { displayName: '  New Name ', country: 'de' } }, { as: user.id }),
    );
    expect(result.updateProfile).toEqual({
      user: { displayName: 'New Name', country: 'DE', ghostMode: false, leaderboardOptIn: true },
      errors: [],
    });
    const flags = expectData(
      await run(db, UPDATE, { input: { ghostMode: true, leaderboardOptIn: false } }, { as: user.id }),
    );
    expect(flags.updateProfile.user).toEqual({
      displayName: 'New Name',
      country: 'DE',
      ghostMode: true,
      leaderboardOptIn: false,
    });
  });

  it('clears the country with null', async () => {
    const user = await createUser(db.sql, { country: 'SE' });
    const result = expectData(await run(db, UPDATE, { input: { country: null } }, { as: user.id }));
    expect(present(result.updateProfile.user, 'the updated user').country).toBeNull();
  });

  const invalid: [string, UpdateProfileInput, string][] = [
    ['an empty displayName', { displayName: '   ' }, 'displayName'],
    ['a displayName over 50 characters', { displayName: 'x'.repeat(51) }, 'displayName'],
    ['a null displayName', { displayName: null }, 'displayName'],
    ['a three-letter country', { country: 'SWE' }, 'country'],
    ['a country code that does not exist', { country: 'XX' }, 'country'],
    ['ZZ, which ICU names "Unknown Region" but ISO never assigned', { country: 'ZZ' }, 'country'],
    ['a reserved code (EU)', { country: 'eu' }, 'country'],
    ['a user-assigned code (XK)', { country: 'XK' }, 'country'],
    ['a withdrawn code (SU)', { country: 'SU' }, 'country'],
    ['a null ghostMode', { ghostMode: null }, 'ghostMode'],
  ];
  for (const [name, input, field] of invalid) {
    it(`rejects ${name} with VALIDATION on "${field}" and writes nothing`, async () => {
      const user = await createUser(db.sql, { displayName: 'Keep', country: 'SE' });
      const before = await profileRow(user.id);
      const result = expectData(
        await run(db, UPDATE, { input: { ...input, leaderboardOptIn: false } }, { as: user.id }),
      );
      expect(result.updateProfile.user).toBeNull();
      expect(result.updateProfile.errors).toEqual([{ code: 'VALIDATION', message: expect.any(String), field }]);
      expect(await profileRow(user.id)).toEqual(before);
    });
  }

  it('counts a 50-character display name by characters, not bytes', async () => {
    const user = await createUser(db.sql);
    const name = 'é'.repeat(50);
    const result = expectData(await run(db, UPDATE, { input: { displayName: name } }, { as: user.id }));
    expect(result.updateProfile.errors).toEqual([]);
    expect(result.updateProfile.user?.displayName).toBe(name);
  });
});

describe('User.ghostMode', () => {
  it('is visible to the user themself only', async () => {
    const [owner, other] = [await createUser(db.sql, { ghostMode: true }), await createUser(db.sql)];
    const query = graphql(`query GhostMode($id: ID!) { user(id: $id) { ghostMode } }`);
    const ghostModeAs = async (viewer: SeededUser) =>
      present(expectData(await run(db, query, { id: owner.globalId }, { as: viewer.id })).user, 'the user').ghostMode;
    expect(await ghostModeAs(owner)).toBe(true);
    expect(await ghostModeAs(other)).toBeNull();
  });
});
