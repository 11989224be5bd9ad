/**
 * What the overlay will take on. Readability and anchoring are single long tasks that grow with the
 * page: on 50,000 elements they took 1.4 s in one task here (the tab froze), and on 200,000 words
 * more than 0.9 s. Pages past these limits are given up, cleanly, before any of that work starts.
 * Ordinary news pages have a few thousand elements and under 100,000 characters of text.
 */
import { MAX_TEXT } from '../core/limits';
import { visibleText } from '../dom/page-signals';

export const MAX_ELEMENTS = 25_000;

/**
 * Why `doc` is too big for the overlay, or null if it is within budget. `textLength`: the body's
 * textContent length, when the caller has it already (the overlay measures it for growth anyway).
 */
export function overBudget(doc: Document, textLength = doc.body?.textContent?.length ?? 0): string | null {
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MAX_ELEMENTS) return `${elements} elements (limit ${MAX_ELEMENTS})`;
  // textContent (native, no walk in script) has every visible character, and script and style text
  // besides: a page within the limit by it has no more visible characters than that. Only bigger
  // pages are walked for their visible text.
  if (textLength <= MAX_TEXT) return null;
  const text = doc.body ? visibleText(doc.body, MAX_TEXT + 1).length : 0;
  if (text > MAX_TEXT) return `more than ${MAX_TEXT} characters of text`;
  return null;
}
