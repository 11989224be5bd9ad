/** Sending to the background from content scripts, typed per message. */
import { browser } from 'wxt/browser';
import type { PageSignals } from '../core/catalog';
import type { NotesReply, PageVerdict } from '../messaging/protocol';

export function askPage(signals: PageSignals): Promise<PageVerdict> {
  return browser.runtime.sendMessage({ type: 'page', signals }) as Promise<PageVerdict>;
}

export function askNotes(signals: PageSignals): Promise<NotesReply> {
  return browser.runtime.sendMessage({ type: 'notes', signals }) as Promise<NotesReply>;
}

export function reportCount(count: number): Promise<void> {
  return browser.runtime.sendMessage({ type: 'count', count }) as Promise<void>;
}
