/** The background's answers to the options page: check the sender, parse, act, answer. */
import { browser } from 'wxt/browser';
import type { SenderLike } from '../messaging/guards';
import { parseOptionsMessage, type UrlReply } from '../messaging/options-protocol';
import { isOwnOptionsPage } from '../messaging/page-guards';
import { addFromUrl, refreshDataset } from './dataset-refresh';

export function isOptionsPageSender(sender: SenderLike): boolean {
  return isOwnOptionsPage(sender, browser.runtime.id, browser.runtime.getURL('/options.html'));
}

export async function handleOptionsMessage(message: unknown, sender: SenderLike): Promise<UrlReply | null> {
  if (!isOptionsPageSender(sender)) return null;
  const parsed = parseOptionsMessage(message);
  if (!parsed) return null;
  switch (parsed.type) {
    case 'add-url':
      return addFromUrl(parsed.url, parsed.schedule);
    case 'refresh':
      return refreshDataset(parsed.id);
  }
}
