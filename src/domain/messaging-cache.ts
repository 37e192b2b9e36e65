import type { ConversationRow, MessageRow } from '../db/rows';
import type { Loaders } from '../loaders';

/** Replaces whatever this request cached about a conversation with what the write returned. */
export function refreshConversation(loaders: Loaders, row: ConversationRow): void {
  loaders.conversationById.clear(row.id).prime(row.id, row);
  loaders.unreadCountByConversationId.clear(row.id);
}

export function refreshMessage(loaders: Loaders, row: MessageRow): void {
  loaders.messageById.clear(row.id).prime(row.id, row);
  loaders.reactionsByMessageId.clear(row.id);
}

/** A new message moves its conversation's last message and every member's unread count. */
export function refreshAfterSend(loaders: Loaders, row: MessageRow): void {
  refreshMessage(loaders, row);
  loaders.conversationById.clear(row.conversationId);
  loaders.unreadCountByConversationId.clear(row.conversationId);
}
