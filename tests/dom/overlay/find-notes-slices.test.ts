/**
 * The overlay's pipeline in slices on pages matched by a similar claim: the page runs after the
 * sentence segmenter is made and after verification, and the notes placed are the ones found in
 * one go.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signalsOf } from '../../../lib/core/page-text';
import { findNotes, type FoundNotes } from '../../../lib/dom/find-notes';
import { collectSignals } from '../../../lib/dom/page-signals';
import { builtinCatalog, loadHtml, newWindow } from '../../../scripts/pipeline';
import { DEMO_PAGES } from '../../../demo/sites';

const catalog = builtinCatalog();

const summary = (found: FoundNotes) => ({
  article: found.article?.how ?? null,
  placed: found.anchoring.placed.map((p) => [p.note.key, p.how, p.confidence, p.passage]),
  unplaced: found.anchoring.unplaced.map((u) => [u.note.key, u.reason]),
});

async function run(id: string, pause?: () => Promise<void>): Promise<FoundNotes> {
  const page = DEMO_PAGES.find((p) => p.id === id)!;
  const window = newWindow(page.url);
  try {
    const doc = loadHtml(window, readFileSync(join(__dirname, '../../../demo/pages', page.file), 'utf8'));
    expect(catalog.match(collectSignals(doc))?.how).toBe('similar');
    return await findNotes(
      doc,
      async (text) => {
        const article = catalog.match(signalsOf(text));
        return { article, notes: article ? catalog.notesFor(article) : [] };
      },
      pause,
    );
  } finally {
    await window.happyDOM.close();
  }
}

describe('findNotes in slices on a page matched by a similar claim', () => {
  for (const id of ['wire-rewrite', 'nyt-copy-boilerplate']) {
    it(`${id}: pauses before verifying and before anchoring, and places what one go places`, async () => {
      const whole = await run(id);
      let pauses = 0;
      const sliced = await run(id, async () => {
        pauses += 1;
      });
      expect(summary(sliced)).toEqual(summary(whole));
      expect(sliced.anchoring.placed.length).toBeGreaterThan(0);
      // One pause after the segmenter, one after verification, then one per verified note (anchoring's own).
      expect(pauses).toBe(2 + sliced.anchoring.placed.length + sliced.anchoring.unplaced.length);
    });
  }
});
