/**
 * Similar-claim notes on the demo rewrite pages, as the extension places them: each marks one
 * sentence, no two overlap, every claim is found, and the pages that rebut the claims get none.
 */
import { describe, expect, it } from 'vitest';
import { runClaimCases } from '../../scripts/eval/claims';

describe('similar-claim notes on the demo pages', () => {
  it('each mark one sentence, never overlap, and miss no claim', async () => {
    const cases = await runClaimCases();
    const similar = cases.flatMap((c) => c.notes.filter((n) => n.how === 'similar').map((n) => ({ page: c.page, ...n })));
    expect(similar.length).toBeGreaterThanOrEqual(13);
    for (const note of similar) expect(note.sentences, `${note.page}: ${note.claim}: ${note.passage}`).toBe(1);
    for (const c of cases) {
      const where = `${c.page} (${c.dataset}${c.forced ? ', forced similar' : ''})`;
      expect(c.overlaps, where).toBe(0);
      expect(c.missed, where).toEqual([]);
      expect(c.falseNotes, where).toEqual([]);
    }
  });
});
