import postgres from 'postgres';
import { type UserError, userError } from '../errors';

/**
 * The one map from PostgreSQL errors to user errors, by constraint name (named in the migrations).
 * A constraint missing here is a bug in our validation, so it surfaces as an internal error.
 */
const byConstraint: Readonly<Record<string, UserError>> = {
  follows_no_self: userError('VALIDATION', 'You cannot follow yourself', 'userId'),
  follows_followee_id_users_id_fk: userError('NOT_FOUND', 'No such user', 'userId'),
  users_display_name_length: userError('VALIDATION', 'displayName must be 1 to 50 characters', 'displayName'),
  users_country_format: userError('VALIDATION', 'country must be an ISO-3166 alpha-2 code', 'country'),
  // Only reachable when an exercise disappears between logWorkout's check and its insert.
  workout_sets_exercise_id_exercises_id_fk: userError('VALIDATION', 'Unknown exercise', 'sets'),
};

const FOREIGN_KEY_VIOLATION = '23503';

export function toUserError(error: unknown): UserError | null {
  if (!(error instanceof postgres.PostgresError)) return null;
  const mapped = byConstraint[error.constraint_name ?? ''];
  if (mapped) return { ...mapped };
  if (error.code === FOREIGN_KEY_VIOLATION) return userError('NOT_FOUND', 'A referenced object does not exist');
  return null;
}

/** Whether `error` is a violation of the named constraint, for the few a write answers itself. */
export function violates(error: unknown, constraint: string): boolean {
  return error instanceof postgres.PostgresError && error.constraint_name === constraint;
}
