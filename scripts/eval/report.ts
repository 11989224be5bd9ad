/** Formatting the eval's results as a plain-text table. */
import type { Kind } from './perturb';
import type { AnchoringResults, Method, Tally } from './anchoring';

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
const ms = (t: Tally) => (t.quotes === 0 ? '-' : (t.ms / t.quotes).toFixed(3));

export function sum(tallies: Tally[]): Tally {
  return tallies.reduce((a, t) => ({ quotes: a.quotes + t.quotes, right: a.right + t.right, wrong: a.wrong + t.wrong, unplaced: a.unplaced + t.unplaced, ms: a.ms + t.ms }), { quotes: 0, right: 0, wrong: 0, unplaced: 0, ms: 0 });
}

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

export function anchoringTable(results: AnchoringResults, methods: readonly Method[]): string {
  const rows: string[][] = [['kind', 'method', 'quotes', 'found', 'right place', 'wrong place', 'unplaced', 'ms/quote']];
  const kinds = Object.keys(results) as Kind[];
  for (const kind of [...kinds, 'all' as const]) {
    for (const method of methods) {
      const t = kind === 'all' ? sum(kinds.map((k) => results[k][method])) : results[kind][method];
      rows.push([kind, method, String(t.quotes), pct(t.right + t.wrong, t.quotes), `${t.right} (${pct(t.right, t.quotes)})`, String(t.wrong), String(t.unplaced), ms(t)]);
    }
  }
  return table(rows);
}
