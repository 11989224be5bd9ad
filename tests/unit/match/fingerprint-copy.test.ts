/** The content fingerprint recognises copies of an article with boilerplate interleaved, and edited revisions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containment, COPY_CONTAINMENT, fingerprintText } from '../../../lib/core/fingerprint';
import { textHashes } from '../../../lib/core/text/tokens';

const demo = (file: string) => readFileSync(join(__dirname, '../../../demo/pages', file), 'utf8');
const paragraphs = (html: string) => [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
const text = (html: string) => html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ');

describe('copy recognition by fingerprint', () => {
  const original = paragraphs(demo('nyt-article.html')).join('\n');
  const sketch = fingerprintText(original);

  it('recognises a syndicated copy with boilerplate, captions and links interleaved', () => {
    expect(containment(sketch, textHashes(text(demo('nyt-copy-boilerplate.html'))))).toBeGreaterThanOrEqual(0.9);
  });

  it('recognises an edited revision', () => {
    expect(containment(sketch, textHashes(text(demo('nyt-revised.html'))))).toBeGreaterThanOrEqual(COPY_CONTAINMENT);
    // A heavier revision: every fourth paragraph rewritten.
    const revised = original.split('\n').map((p, i) => (i % 4 === 0 ? 'This paragraph was rewritten entirely by the editors in a later version.' : p)).join('\n');
    expect(containment(sketch, textHashes(revised))).toBeGreaterThanOrEqual(COPY_CONTAINMENT);
  });

  it('does not take a rewrite or a rebuttal of the story for a copy', () => {
    for (const file of ['wire-rewrite.html', 'blog-paraphrase.html', 'gt-article.html']) {
      expect(containment(sketch, textHashes(text(demo(file)))), file).toBeLessThan(COPY_CONTAINMENT);
    }
  });
});
