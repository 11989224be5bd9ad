/** Types for the parts of dom-anchor-text-quote (no bundled types) the eval uses. */
declare module 'dom-anchor-text-quote' {
  export interface TextQuoteSelector {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  export function toTextPosition(root: Node, selector: TextQuoteSelector, options?: { hint?: number }): { start: number; end: number } | null;
  export function toRange(root: Node, selector: TextQuoteSelector, options?: { hint?: number }): Range | null;
}
