/**
 * npm run eval [-- --quick] [--quotes N] [--pages N] [--only claims]
 * (a) anchoring accuracy on a perturbation suite made from the demo pages and the real pages of the
 *     Readability corpus; (b) the same quotes and pages through two peers, dom-anchor-text-quote and a
 *     Hypothesis-style anchoring; (c) claim detection: recall on written rewrite and copy pages, false
 *     notes on the 130 real pages and on rebuttal pages. Prints tables; writes eval-output/eval.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { METHODS, runAnchoring, type Method } from './anchoring';
import { claimRecall, claimsOnly, claimsReport, runClaimCases, runCorpusFalseNotes } from './claims';
import { KINDS } from './perturb';
import { anchoringTable, sum, table } from './report';
import { corpusPages, demoPages } from './sources';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1] ?? fallback);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const quotesPerPage = option('--quotes', 5);
  const corpus = corpusPages();
  const corpusLimit = option('--pages', quick ? 20 : corpus.length);
  const pages = [...demoPages(), ...corpus.slice(0, corpusLimit)];
  const started = performance.now();
  const progress = (label: string) => (name: string) => process.stderr.write(`\r${label}: ${name.padEnd(60)}`);
  const onlyAt = process.argv.indexOf('--only');
  if (onlyAt !== -1 && process.argv[onlyAt + 1] === 'claims') {
    const lines = await claimsOnly(corpus.slice(0, corpusLimit), progress('false notes'));
    process.stdout.write(`\n${lines.join('\n')}\n(${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    return;
  }

  const anchoring = await runAnchoring(pages, { quotesPerPage, onPage: progress('anchoring') });
  process.stderr.write('\n');
  const totals = Object.fromEntries(METHODS.map((m) => [m, sum(KINDS.map((k) => anchoring.results[k][m]))])) as Record<Method, ReturnType<typeof sum>>;
  const perQuote = (m: Method) => totals[m].ms / Math.max(1, totals[m].quotes);
  const ours = perQuote('counterpoint');
  const peers = (['hypothesis-style', 'dom-anchor-text-quote'] as const).map((m) => ({
    method: m,
    accuracy: totals[m].right / Math.max(1, totals[m].quotes),
    wrong: totals[m].wrong,
    msPerQuote: perQuote(m),
    timeRatio: ours / perQuote(m),
  }));
  const hypothesisMatchingOnly = KINDS.reduce((n, k) => n + anchoring.hypothesisMatchingMs[k], 0) / Math.max(1, totals['hypothesis-style'].quotes);

  const cases = await runClaimCases();
  const corpusCheck = await runCorpusFalseNotes(corpus, progress('false notes'));
  process.stderr.write('\n');

  const recall = claimRecall(cases);

  const out: string[] = [];
  out.push(`(a, b) Anchoring: ${anchoring.pages} pages (${demoPages().length} demo, the rest real), up to ${quotesPerPage} quotes a page, ${KINDS.length} kinds of perturbation`);
  out.push(anchoringTable(anchoring.results, METHODS));
  out.push('');
  out.push(table([
    ['method', 'right place', 'wrong place', 'ms/quote', 'ours ÷ theirs (time)'],
    ['counterpoint', `${((100 * totals.counterpoint.right) / totals.counterpoint.quotes).toFixed(2)}%`, String(totals.counterpoint.wrong), ours.toFixed(3), '1'],
    ...peers.map((p) => [p.method, `${(100 * p.accuracy).toFixed(2)}%`, String(p.wrong), p.msPerQuote.toFixed(3), p.timeRatio.toFixed(2)]),
  ]));
  out.push(`(Hypothesis-style reads the root's textContent for each quote, as the Hypothesis client does; its matching alone: ${hypothesisMatchingOnly.toFixed(3)} ms/quote, ours ÷ that: ${(ours / Math.max(1e-9, hypothesisMatchingOnly)).toFixed(2)}, the fair ratio if its text were read once a page. Counterpoint's time includes its text map and article mask, built once per page. Readability, run once per page for every method's page, is not counted: ${(anchoring.readabilityMs / Math.max(1, anchoring.pages * KINDS.length)).toFixed(1)} ms a page.)`);
  out.push('');
  out.push(...claimsReport(cases, corpusCheck));
  out.push(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
  process.stdout.write(`${out.join('\n')}\n`);

  const dir = join(ROOT, 'eval-output');
  mkdirSync(dir, { recursive: true });
  const json = {
    generated: new Date().toISOString(),
    options: { quotesPerPage, pages: anchoring.pages, quick },
    anchoring: { results: anchoring.results, totals, peers, hypothesisMatchingOnlyMsPerQuote: hypothesisMatchingOnly, failures: anchoring.failures },
    claims: { recall, cases, corpus: corpusCheck },
  };
  writeFileSync(join(dir, 'eval.json'), `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`wrote ${join('eval-output', 'eval.json')}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`eval: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
