import { deleteAccount } from '../domain/account-deletion';
import { builder } from './builder';
import { encodeGlobalId } from './ids';
import { payloadType, toPayload } from './payload';

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
