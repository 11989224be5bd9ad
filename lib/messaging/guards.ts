/**
 * Who may send what. Decided from the sender the browser reports, never from the payload:
 * only this extension's own content scripts in a tab's top frame, on an http(s) page. Total: any
 * value at all gets an answer (a fuzz test holds it to that), never an exception.
 */

export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

export function isOwnTopFrameContentScript(sender: SenderLike, extensionId: string): sender is SenderLike & { tab: { id: number } } {
  if (typeof sender !== 'object' || sender === null) return false;
  if (typeof extensionId !== 'string' || extensionId === '' || sender.id !== extensionId) return false;
  const tab = sender.tab;
  if (typeof tab !== 'object' || tab === null || !Number.isInteger(tab.id) || (tab.id as number) < 0) return false;
  if (sender.frameId !== 0) return false;
  return typeof sender.url === 'string' && /^https?:\/\//i.test(sender.url);
}
