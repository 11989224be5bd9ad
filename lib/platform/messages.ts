/**
 * Sending to the background from content scripts, typed per message. The page's text is sent as
 * it is: the background tokenises and hashes it (lib/core/page-text.ts), off the page's thread.
 */
import type { PageText } from '../core/page-text';
import type { NotesReply, PageVerdict } from '../messaging/protocol';
import { sendMessage } from './native';

export function askPage(page: PageText): Promise<PageVerdict> {
  return sendMessage<PageVerdict>({ type: 'page', page });
}

export function askNotes(page: PageText): Promise<NotesReply> {
  return sendMessage<NotesReply>({ type: 'notes', page });
}

export function reportCount(count: number): Promise<void> {
  return sendMessage<void>({ type: 'count', count });
}
