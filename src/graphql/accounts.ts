import type { UserRow } from '../db/rows';
import { createAccount } from '../domain/accounts';
import { builder } from './builder';
import { payloadType, toPayload } from './payload';
import { User } from './users';

const CreateAccountInput = builder.inputType('CreateAccountInput', {
  fields: (t) => ({
    username: t.string({
      required: true,
      description: '3 to 30 characters of a-z, 0-9, "_" and "."; any case, unique case-insensitively.',
    }),
    displayName: t.string({ required: true, description: '1 to 50 characters after trimming.' }),
    country: t.string({ description: 'An assigned ISO 3166-1 alpha-2 code, any case.' }),
  }),
});

const CreateAccountPayload = payloadType<{ viewer: UserRow }>('CreateAccountPayload', (t) => ({
  viewer: t.field({
    type: User,
    nullable: true,
    description: 'The new user, whom the same token now signs in as.',
    resolve: (p) => p.viewer ?? null,
  }),
}));

builder.mutationField('createAccount', (t) =>
  t.field({
    type: CreateAccountPayload,
    description:
      'Creates the user of an identity-provider account that has none (`viewer` is null) and links the two. ' +
      'A username taken, or an identity or token that already has an account, is CONFLICT.',
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(createAccount(ctx, input)),
  }),
);
