import type { Context } from '../context';
import type { UserRow } from '../db/rows';
import type { WorkoutVisibility } from '../db/schema';
import { fail, failWith, ok, type Result, signInTo } from '../errors';
import { inTransaction } from './transaction';
import { normalizeCountry, Validator } from './validate';

export interface UpdateProfileInput {
  displayName?: string | null;
  country?: string | null;
  ghostMode?: boolean | null;
  leaderboardOptIn?: boolean | null;
  defaultWorkoutVisibility?: WorkoutVisibility | null;
}

export async function updateProfile(ctx: Context, input: UpdateProfileInput): Promise<Result<{ user: UserRow }>> {
  if (!ctx.viewer) return signInTo('update your profile');
  const changes: Partial<
    Record<'displayName' | 'country' | 'ghostMode' | 'leaderboardOptIn' | 'defaultWorkoutVisibility', unknown>
  > = {};
  const check = new Validator();

  if (input.displayName !== undefined) {
    const displayName = input.displayName?.trim() ?? '';
    check.text(displayName, 'displayName', 1, 50);
    changes.displayName = displayName;
  }
  if (input.country !== undefined) {
    const country = input.country === null ? null : normalizeCountry(input.country);
    check.check(
      input.country === null || country !== null,
      'country',
      'country must be an assigned ISO 3166-1 alpha-2 code such as "SE"',
    );
    changes.country = country;
  }
  for (const flag of ['ghostMode', 'leaderboardOptIn', 'defaultWorkoutVisibility'] as const) {
    if (input[flag] === undefined) continue;
    check.check(input[flag] !== null, flag, `${flag} cannot be null`);
    changes[flag] = input[flag];
  }
  if (!check.ok) return failWith(check.errors);

  const viewerId = ctx.viewer.id;
  return inTransaction(ctx, async (tx) => {
    const [user] =
      Object.keys(changes).length === 0
        ? await tx<UserRow[]>`/* profile:read */ select * from users where id = ${viewerId}`
        : await tx<UserRow[]>`/* profile:update */
            update users set ${tx(changes as Record<string, unknown>)} where id = ${viewerId} returning *`;
    if (!user) return fail('NOT_FOUND', 'Your account no longer exists');
    ctx.loaders.userById.clear(user.id).prime(user.id, user);
    return ok({ user });
  });
}
