/**
 * Who may send what. Decided from the sender the browser reports, never from the payload:
 * only this extension's own content scripts in a tab's top frame, on an http(s) page.
 */

export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

export function isOwnTopFrameContentScript(sender: SenderLike, extensionId: string): sender is SenderLike & { tab: { id: number } } {
  if (sender.id !== extensionId) return false;
  if (!sender.tab || typeof sender.tab.id !== 'number' || sender.tab.id < 0) return false;
  if (sender.frameId !== 0) return false;
  return typeof sender.url === 'string' && /^https?:\/\//i.test(sender.url);
}
