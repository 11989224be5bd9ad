/**
 * The eval's hard guarantees as tests (the ratios and timings are benchmark output of `npm run eval`,
 * never tested): no note on any of the 130 real pages, under either dataset, even when each page is
 * forced through the similar-claim path; no wrong place on the exact and typographic perturbations,
 * and none on the others either (where a quote may be left unplaced, never put somewhere wrong); the
 * written rewrite and copy pages found and the rebuttal pages never badged as making the claim.
 */
import { describe, expect, it } from 'vitest';
import { runAnchoring } from '../../scripts/eval/anchoring';
import { runClaimCases, runCorpusFalseNotes } from '../../scripts/eval/claims';
import { KINDS } from '../../scripts/eval/perturb';
import { corpusPages, demoPages } from '../../scripts/eval/sources';

describe('the eval guarantees', () => {
  it('places no note on the 130 real pages', async () => {
    const pages = corpusPages();
    expect(pages).toHaveLength(130);
    const result = await runCorpusFalseNotes(pages);
    expect(result.falseNotes).toEqual([]);
    expect(result.candidates).toEqual([]);
  });

  it('never places a quote at a wrong place on the exact and typographic perturbations', async () => {
    const { results, failures } = await runAnchoring([...demoPages(), ...corpusPages()], { quotesPerPage: 5, kinds: ['exact', 'typography'], methods: ['counterpoint'] });
    expect(failures.filter((f) => f.outcome === 'wrong')).toEqual([]);
    for (const kind of ['exact', 'typography'] as const) {
      const tally = results[kind].counterpoint;
      expect(tally.quotes).toBeGreaterThan(300);
      expect(tally.wrong).toBe(0);
      expect(tally.right / tally.quotes).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('leaves a quote unplaced rather than place it wrong on every other perturbation', async () => {
    const kinds = KINDS.filter((k) => k !== 'exact' && k !== 'typography');
    const { results, failures } = await runAnchoring([...demoPages(), ...corpusPages()], { quotesPerPage: 5, kinds, methods: ['counterpoint'] });
    expect(failures.filter((f) => f.outcome === 'wrong')).toEqual([]);
    for (const kind of kinds) {
      const tally = results[kind].counterpoint;
      expect(tally.quotes).toBeGreaterThan(300);
      expect(tally.wrong).toBe(0);
    }
  });

  it('finds the claims on the rewrite and copy pages, and never on the pages that rebut them', async () => {
    const cases = await runClaimCases();
    for (const c of cases) {
      expect(c.falseNotes, `${c.page} (${c.dataset}${c.forced ? ', forced similar' : ''})`).toEqual([]);
      expect(c.missed, `${c.page} (${c.dataset})`).toEqual([]);
    }
    const revised = cases.find((c) => c.page === 'nyt-revised')!;
    expect(revised.notes.every((n) => n.how === 'fuzzy' && n.changed)).toBe(true);
  });
});
