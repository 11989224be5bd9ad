/** Debugging aid: npx tsx scripts/eval/debug-anchor.ts PAGE-NAME KIND — shows Counterpoint's misses on one page. */
import { normalise } from '../../lib/core/text/normalise';
import { locateNotes, setApart } from '../../lib/dom/anchor';
import { articleMask } from '../../lib/core/match/article-mask';
import { extractArticle } from '../../lib/dom/extract';
import { buildTextMap } from '../../lib/dom/text-map';
import { loadHtml, newWindow } from '../pipeline';
import { perturb, type Kind } from './perturb';
import { hashSeed, seeded } from './random';
import { corpusPages, demoPages } from './sources';
import { articleParagraphs, chooseSentences, markTarget, quotesOf, TARGET_ATTR } from './targets';

const [name, kind = 'exact'] = process.argv.slice(2);
const page = [...demoPages(), ...corpusPages()].find((p) => p.name === name || p.name.endsWith(`/${name}`));
if (!page) throw new Error(`no page ${name}`);
const window = newWindow(page.url);
const doc = loadHtml(window, page.html);
const original = extractArticle(doc)!;
const paragraphs = articleParagraphs(doc, original.text);
const chosen = chooseSentences(paragraphs, 5, seeded(hashSeed(page.name)), doc.body.textContent ?? '');
chosen.forEach((c, id) => markTarget(c.paragraph, c.start, c.end, id));
const ids = chosen.map((_, id) => id);
const quotes = quotesOf(doc.body, ids);
perturb(doc, kind as Kind, ids, paragraphs, seeded(hashSeed(`${page.name}/${kind}`)));
const article = extractArticle(doc);
const map = buildTextMap(doc.body);
const located = locateNotes(map, quotes.map((q) => ({ key: `k${q.id}`, claim: '', dispute: '', topic: '', side: 'claim' as const, counters: [], quotes: [q] })), article?.text ?? null);
for (const [i, l] of located.entries()) {
  const q = quotes[i]!;
  const truth = normalise([...doc.querySelectorAll(`[${TARGET_ATTR}="${q.id}"]`)].map((e) => e.textContent).join(''));
  const found = l.match ? `${map.text.slice(l.match.start, l.match.end)} @${l.match.start}` : null;
  const spans = [...doc.querySelectorAll(`[${TARGET_ATTR}="${q.id}"]`)];
  const occurrences: number[] = [];
  for (let at = map.text.indexOf(truth); at !== -1; at = map.text.indexOf(truth, at + 1)) occurrences.push(at);
  const mask = article ? articleMask(map.text, article.text) : null;
  const described = occurrences.map((at) => {
    const range = map.range(at, at + truth.length);
    const isTruth = !!range && spans.some((span) => span.contains(range.startContainer));
    return `${at}${isTruth ? '*' : ''}${setApart(map, at) ? '[apart]' : ''}(mask ${mask ? mask.coverage(at, at + truth.length).toFixed(2) : '-'}, ${range?.startContainer.parentElement?.tagName})`;
  });
  console.log(`  occurrences ${described.join(', ')}`);
  console.log(`#${q.id} ${l.match ? `${l.match.how} ${l.match.confidence} changed=${l.match.changed}` : 'UNPLACED'}\n  quote: ${normalise(q.exact)}\n  pre:   ${normalise(q.prefix)}\n  suf:   ${normalise(q.suffix)}\n  truth: ${truth}\n  found: ${found}`);
}
