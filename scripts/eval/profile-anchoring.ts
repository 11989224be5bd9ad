/**
 * Where Counterpoint's anchoring time goes, per kind of perturbation and per part (text map, article
 * mask, matching), on the eval's pages and quotes, next to the Hypothesis-style peer timed in the same
 * run. With COUNTERPOINT_BASELINE=<dir holding a lib/ of another version>, that version is timed too,
 * interleaved with this one (alternating which runs first), and its places compared.
 * Times are the process's CPU time (user and system), not wall time: on a shared machine a wait for
 * the processor would otherwise be counted as work.
 * npx tsx scripts/eval/profile-anchoring.ts [--pages N] [--reps N]
 */
import type { NoteView } from '../../lib/core/notes';
import { articleMask } from '../../lib/core/match/article-mask';
import { locateNotes, type LocatedNote } from '../../lib/dom/anchor';
import { buildTextMap } from '../../lib/dom/text-map';
import { extractArticle } from '../../lib/dom/extract';
import { newWindow } from '../pipeline';
import { noteFor, perturbedCase } from './anchoring';
import { KINDS, type Kind } from './perturb';
import { hypothesisMatch } from './peers';
import { table } from './report';
import { corpusPages, demoPages } from './sources';

type Locate = (body: Element, notes: NoteView[], article: string | null, language: string | null) => LocatedNote[];

const now = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1] ?? fallback);
}

async function main(): Promise<void> {
  const reps = option('--reps', 1);
  const pages = [...demoPages(), ...corpusPages().slice(0, option('--pages', 20))];
  const ours: Locate = (body, notes, article, language) => locateNotes(buildTextMap(body), notes, article, { language });
  let baseline: Locate | null = null;
  if (process.env.COUNTERPOINT_BASELINE) {
    const dir = process.env.COUNTERPOINT_BASELINE;
    const anchor = (await import(`${dir}/lib/dom/anchor.ts`)) as typeof import('../../lib/dom/anchor');
    const textMap = (await import(`${dir}/lib/dom/text-map.ts`)) as typeof import('../../lib/dom/text-map');
    baseline = (body, notes, article, language) => anchor.locateNotes(textMap.buildTextMap(body), notes, article, { language });
  }
  const parts = ['map', 'mask', 'match', 'ours', 'base', 'hypothesis'] as const;
  const time = Object.fromEntries(KINDS.map((k) => [k, { quotes: 0, differ: 0, ...Object.fromEntries(parts.map((p) => [p, 0])) }])) as Record<Kind, Record<(typeof parts)[number] | 'quotes' | 'differ', number>>;
  let flip = false;
  for (const page of pages) {
    process.stderr.write(`\r${page.name.padEnd(60)}`);
    for (const kind of KINDS) {
      const window = newWindow(page.url);
      try {
        const perturbed = perturbedCase(window, page, kind, 5);
        if (!perturbed) break;
        const { doc, quotes } = perturbed;
        const article = extractArticle(doc);
        const text = article?.text ?? null;
        const language = article?.lang ?? null;
        const notes = quotes.map(noteFor);
        const t = time[kind];
        t.quotes += quotes.length * reps;
        for (let r = 0; r < reps; r++) {
          // Parts of ours: the map, the mask alone, and the rest of locateNotes (which makes the mask again).
          let s = now();
          const map = buildTextMap(doc.body);
          t.map += now() - s;
          s = now();
          if (text) articleMask(map.text, text);
          const maskMs = now() - s;
          t.mask += maskMs;
          s = now();
          locateNotes(map, notes, text, { language });
          t.match += now() - s - maskMs;
          const runs: [('ours' | 'base'), Locate][] = [['ours', ours]];
          if (baseline) runs.push(['base', baseline]);
          if (flip) runs.reverse();
          flip = !flip;
          const found = new Map<string, string>();
          for (const [name, locate] of runs) {
            s = now();
            const located = locate(doc.body, notes, text, language);
            t[name] += now() - s;
            found.set(name, JSON.stringify(located.map((l) => (l.match ? [l.match.start, l.match.end] : null))));
          }
          if (baseline && r === 0 && found.get('ours') !== found.get('base')) {
            t.differ++;
            process.stderr.write(`\nplaces differ: ${page.name} ${kind}\n`);
          }
          for (const quote of quotes) {
            s = now();
            hypothesisMatch(doc.body.textContent ?? '', quote);
            t.hypothesis += now() - s;
          }
        }
      } finally {
        await window.happyDOM.close();
      }
    }
  }
  process.stderr.write('\n');
  const per = (n: number, q: number) => (q ? (n / q).toFixed(3) : '-');
  const rows = [['kind', 'quotes', 'map', 'mask', 'match', 'ours', ...(baseline ? ['base'] : []), 'hypothesis', 'ours÷hyp', ...(baseline ? ['base÷hyp', 'page×kind differ'] : [])]];
  const all = { quotes: 0, differ: 0, map: 0, mask: 0, match: 0, ours: 0, base: 0, hypothesis: 0 };
  for (const kind of [...KINDS, 'all' as const]) {
    const t = kind === 'all' ? all : time[kind];
    if (kind !== 'all') for (const key of Object.keys(all) as (keyof typeof all)[]) all[key] += t[key];
    rows.push([kind, String(t.quotes), per(t.map, t.quotes), per(t.mask, t.quotes), per(t.match, t.quotes), per(t.ours, t.quotes), ...(baseline ? [per(t.base, t.quotes)] : []), per(t.hypothesis, t.quotes), (t.ours / t.hypothesis).toFixed(2), ...(baseline ? [(t.base / t.hypothesis).toFixed(2), String(t.differ)] : [])]);
  }
  process.stdout.write(`ms per quote\n${table(rows)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
