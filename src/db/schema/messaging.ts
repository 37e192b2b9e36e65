import { type SQL, sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './users';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const conversations = pgTable(
  'conversations',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    title: text().notNull(),
    createdById: bigint({ mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    memberCount: integer().notNull().default(0),
    lastSequenceNumber: integer().notNull().default(0),
    lastMessageId: bigint({ mode: 'number' }),
    lastMessageAt: timestamp({ withTimezone: true, precision: 6 }),
  },
  (t) => [
    check('conversations_title_length', sql`char_length(${t.title}) between 1 and 200`),
    // deleteAccount's ON DELETE SET NULL finds the conversations a deleted user started by this.
    index('conversations_created_by_idx').on(t.createdById).where(sql`${t.createdById} is not null`),
  ],
);

export const conversationMembers = pgTable(
  'conversation_members',
  {
    conversationId: bigint({ mode: 'number' })
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    lastReadSequenceNumber: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'conversation_members_pkey', columns: [t.conversationId, t.userId] }),
    // A user's memberships (the inbox, membership checks): the primary key's columns reversed.
    index('conversation_members_by_user_idx').on(t.userId, t.conversationId),
    index('conversation_members_by_join_idx').on(t.conversationId, t.joinedAt, t.userId),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: bigint({ mode: 'number' })
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    senderId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // Assigned by the tg_messages__sequence trigger under the conversation row lock.
    sequenceNumber: integer().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true, precision: 6 }),
    search: tsvector()
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('english'::regconfig, ${messages.body})`),
  },
  (t) => [
    uniqueIndex('messages_conversation_sequence_key').on(t.conversationId, t.sequenceNumber),
    // unreadCount = (last sequence number - read mark) - the viewer's own messages after the mark;
    // this index counts the latter without visiting the others' messages.
    index('messages_conversation_sender_idx').on(t.conversationId, t.senderId, t.sequenceNumber),
    index('messages_search_idx').using('gin', t.search),
    // deleteAccount's cascade checks a deleted user has no message left (they moved to the tombstone).
    index('messages_by_sender_idx').on(t.senderId),
    // Empty only for a deleted account's messages, which keep their place in the sequence.
    check('messages_body_length', sql`char_length(${t.body}) between 0 and 4000`),
  ],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    senderId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    messageId: bigint({ mode: 'number' })
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.senderId, t.key] }),
    check('idempotency_keys_key_length', sql`char_length(${t.key}) between 1 and 200`),
    // The expiry job reads the oldest keys a batch at a time.
    index('idempotency_keys_created_at_idx').on(t.createdAt),
  ],
);

export const reactions = pgTable(
  'reactions',
  {
    messageId: bigint({ mode: 'number' })
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emoji: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'reactions_pkey', columns: [t.messageId, t.emoji, t.userId] }),
    // deleteAccount's cascade finds a user's reactions by this.
    index('reactions_by_user_idx').on(t.userId),
  ],
);
