import { runAnchoring } from './anchoring';
import { corpusPages, demoPages } from './sources';
const n = Number(process.argv[2] ?? 20);
const pages = [...demoPages(), ...corpusPages().slice(0, n)];
const kinds = process.argv[3] ? (process.argv[3].split(',') as any) : undefined;
const t = performance.now();
const { results, failures, pages: used } = await runAnchoring(pages, { quotesPerPage: 5, kinds });
console.log('pages', used, ((performance.now() - t) / 1000).toFixed(1), 's');
for (const [kind, byMethod] of Object.entries(results)) {
  for (const [method, t] of Object.entries(byMethod)) console.log(kind.padEnd(12), method.padEnd(22), t.quotes, 'right', t.right, 'wrong', t.wrong, 'unpl', t.unplaced, 'ms/q', (t.ms / Math.max(1, t.quotes)).toFixed(3));
}
for (const f of failures.filter((f) => f.method === 'counterpoint').slice(0, 30)) console.log(f);
