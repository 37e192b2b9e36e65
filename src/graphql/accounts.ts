import type { UserRow } from '../db/rows';
import { createAccount, deleteAccount } from '../domain/accounts';
import { builder } from './builder';
import { encodeGlobalId } from './ids';
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

const DeleteAccountInput = builder.inputType('DeleteAccountInput', {
  fields: (t) => ({
    username: t.string({ required: true, description: 'The viewer’s own username (any case), as confirmation.' }),
  }),
});

const DeleteAccountPayload = payloadType<{ deletedUserId: number }>('DeleteAccountPayload', (t) => ({
  deletedUserId: t.id({
    nullable: true,
    description: 'The global id the deleted user had; no node answers to it any more.',
    resolve: (p) => (p.deletedUserId ? encodeGlobalId('User', p.deletedUserId) : null),
  }),
}));

builder.mutationField('deleteAccount', (t) =>
  t.field({
    type: DeleteAccountPayload,
    description:
      'Erases the viewer’s account in one transaction: everything they made goes, every counter, board, goal and team that counted them is exact afterwards, and their messages stay, with empty bodies, from a "Deleted user" tombstone. Their tokens get HTTP 401 afterwards, on every server process. docs/accounts-deletion.md has the details.',
    args: { input: t.arg({ type: DeleteAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(deleteAccount(ctx, input)),
  }),
);
