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
  // A workout deleted between a like's or comment's read of it and the statement's foreign-key checks.
  workout_likes_workout_id_workouts_id_fk: userError('NOT_FOUND', 'No such workout', 'workoutId'),
  comments_workout_id_workouts_id_fk: userError('NOT_FOUND', 'No such workout', 'workoutId'),
  notifications_workout_id_workouts_id_fk: userError('NOT_FOUND', 'No such workout', 'workoutId'),
  users_username_lower_key: userError('CONFLICT', 'This username is taken', 'username'),
  // Two sign-ups of one identity raced; the first linked it.
  identities_pkey: userError('CONFLICT', 'This identity already has an account'),
  teams_name_lower_key: userError('CONFLICT', 'A team with this name exists', 'name'),
  // The cap is checked under the team's row lock first; the constraint is its backstop.
  teams_member_count_range: userError('CONFLICT', 'This team is full (1,000 members)', 'teamId'),
  team_invites_invitee_id_users_id_fk: userError('NOT_FOUND', 'No such user', 'userId'),
  // A team deleted (its last member left) between a goal's checks and its insert.
  team_goals_team_id_teams_id_fk: userError('NOT_FOUND', 'No such team', 'teamId'),
};

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * refuse_across_block (drizzle/0025) is the one refusal of every act a block forbids; it names the
 * table the act wrote, which says which input was at fault.
 */
const BLOCKED_PAIR = 'blocked_pair';
/** Raised by the same function when the other party is a deleted account's tombstone (drizzle/0032). */
const DELETED_USER = 'deleted_user';
const blockedField: Readonly<Record<string, string>> = {
  follows: 'userId',
  workout_likes: 'workoutId',
  comments: 'workoutId',
  conversation_members: 'memberIds',
  team_invites: 'userId',
};

export function toUserError(error: unknown): UserError | null {
  if (!(error instanceof postgres.PostgresError)) return null;
  if (error.constraint_name === BLOCKED_PAIR) {
    return userError(
      'FORBIDDEN',
      'A block between you and this user forbids this',
      blockedField[error.table_name ?? ''] ?? null,
    );
  }
  if (error.constraint_name === DELETED_USER) {
    return userError('NOT_FOUND', 'No such user', blockedField[error.table_name ?? ''] ?? null);
  }
  const mapped = byConstraint[error.constraint_name ?? ''];
  if (mapped) return { ...mapped };
  if (error.code === FOREIGN_KEY_VIOLATION) return userError('NOT_FOUND', 'A referenced object does not exist');
  return null;
}

/** Whether `error` is a violation of the named constraint, for the few a write answers itself. */
export function violates(error: unknown, constraint: string): boolean {
  return error instanceof postgres.PostgresError && error.constraint_name === constraint;
}

/** Socket and postgres.js connection failures: the server cannot be reached or went away. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

/**
 * SQLSTATEs of a server that is shutting down, starting, recovering or full (class 08: connection
 * exceptions), and of a statement cancelled by `statement_timeout` (57014).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '53400']);
const QUERY_CANCELED = '57014';

export type Unavailability = 'unreachable' | 'timeout';

/** Whether an error means the database could not serve the request now (rather than a bug or bad input). */
export function databaseUnavailability(error: unknown): Unavailability | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code === 'CONNECTION_WAIT_TIMEOUT')
    return (error as { databaseUnreachable?: boolean }).databaseUnreachable ? 'unreachable' : 'timeout';
  if (code === QUERY_CANCELED) return 'timeout';
  if (UNREACHABLE_CODES.has(code) || UNAVAILABLE_STATES.has(code)) return 'unreachable';
  if (error instanceof postgres.PostgresError && code.startsWith('08')) return 'unreachable';
  return null;
}
