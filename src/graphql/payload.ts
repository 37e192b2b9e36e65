import type { FieldMap } from '@pothos/core';
import { ERROR_CODES, type Result, type UserError } from '../errors';
import { builder } from './builder';

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  values: ERROR_CODES,
  description: 'Why a mutation did nothing.',
});

export const UserErrorType = builder.objectRef<UserError>('UserError').implement({
  description: 'An expected failure of a mutation; nothing was written.',
  fields: (t) => ({
    code: t.expose('code', { type: ErrorCodeEnum }),
    message: t.exposeString('message'),
    field: t.exposeString('field', {
      nullable: true,
      description: 'The input field at fault, as a path such as "sets.3.reps".',
    }),
  }),
});

export type Payload<T> = Partial<T> & { errors: UserError[] };

/** The payload of a mutation: its value's fields, or only the errors that stopped it. */
export async function toPayload<T extends object>(result: Promise<Result<T>> | Result<T>): Promise<Payload<T>> {
  const settled = await result;
  return settled.ok ? { ...settled.value, errors: [] } : ({ errors: settled.errors } as Payload<T>);
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** A mutation payload: the fields of its value, plus the `errors` field every payload has. */
export function payloadType<T extends object>(
  name: string,
  fields: (t: PothosSchemaTypes.ObjectFieldBuilder<Types, Payload<T>>) => FieldMap,
) {
  return builder.objectRef<Payload<T>>(name).implement({
    fields: (t) => ({ ...fields(t), errors: t.field({ type: [UserErrorType], resolve: (p) => p.errors }) }),
  });
}
