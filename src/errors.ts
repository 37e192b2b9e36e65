import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

declare module 'graphql' {
  interface GraphQLErrorExtensions {
    code?:
      | 'BAD_USER_INPUT'
      | 'QUERY_TOO_COMPLEX'
      | 'UNAUTHENTICATED'
      | 'FORBIDDEN'
      | 'SERVICE_UNAVAILABLE'
      | 'TOO_MANY_SUBSCRIPTIONS'
      /** SPOTTER_TRUSTED_DOCUMENTS is set and the request sent a document, or no document id. */
      | 'PERSISTED_QUERY_ONLY'
      /** SPOTTER_TRUSTED_DOCUMENTS is set and the id is not in its manifest. */
      | 'PERSISTED_QUERY_NOT_FOUND';
    argument?: string;
  }
}

export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An expected failure of a mutation, returned in its payload's `errors`. */
export interface UserError {
  code: ErrorCode;
  message: string;
  field: string | null;
}

export function userError(code: ErrorCode, message: string, field: string | null = null): UserError {
  return { code, message, field };
}

/** What a domain operation returns: its value, or the user errors that stopped it (nothing written). */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string, field: string | null = null): Result<T> => ({
  ok: false,
  errors: [userError(code, message, field)],
});
export const failWith = <T = never>(errors: UserError[]): Result<T> => ({ ok: false, errors });
/** What every write answers an anonymous caller: "Sign in to <action>". */
export const signInTo = <T = never>(action: string): Result<T> => fail('UNAUTHENTICATED', `Sign in to ${action}`);

export class UserErrorsThrown extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  });
}

export function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
}

export function unauthenticated(message = 'Invalid or expired token'): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

export const UNAVAILABLE_MESSAGES = {
  unreachable: 'The database is unreachable right now; try again shortly.',
  timeout: 'The database is too busy to answer in time; try again shortly.',
} as const;

/** The database cannot serve the request now (HTTP 503); a retry later may succeed. */
export function serviceUnavailable(kind: keyof typeof UNAVAILABLE_MESSAGES, options: GraphQLErrorOptions = {}) {
  return new GraphQLError(UNAVAILABLE_MESSAGES[kind], {
    ...options,
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
  });
}

export function tooManySubscriptions(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } });
}

export function forbidden(message = 'Not allowed'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Throws BAD_USER_INPUT unless `min <= value <= max`. */
export function checkRange(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argument} must be between ${min} and ${max}`, argument);
  }
  return value;
}
