/**
 * The article of a page, by Readability on a clone: `parse()` rewrites the document it is given,
 * so it never sees the live one.
 */
import { Readability } from '@mozilla/readability';

export interface ExtractedArticle {
  title: string;
  text: string;
  lang: string | null;
  length: number;
}

export function extractArticle(doc: Document): ExtractedArticle | null {
  const clone = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    // Only the text and metadata are used: the article is not serialised to HTML (the default
    // serializer's innerHTML of the whole article) and its class attributes are not cleaned.
    // Neither changes the text; both are work on every matched page.
    parsed = new Readability(clone, { charThreshold: 300, keepClasses: true, serializer: (node: Node) => node }).parse();
  } catch {
    return null;
  }
  if (!parsed || !parsed.textContent) return null;
  return {
    title: parsed.title ?? '',
    text: parsed.textContent,
    lang: parsed.lang ?? doc.documentElement.lang ?? null,
    length: parsed.length ?? parsed.textContent.length,
  };
}
