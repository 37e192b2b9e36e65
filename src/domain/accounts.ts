import { actAs, type Context } from '../context';
import type { UserRow } from '../db/rows';
import { fail, failWith, ok, type Result } from '../errors';
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
