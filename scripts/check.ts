/**
 * npm run check -- [--json] [--url URL] [--dataset FILE ...] FILE.html
 * Runs Counterpoint's pipeline on a saved page and prints what the overlay would show.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { builtinCatalog, catalogFromFiles, checkHtml, type CheckResult } from './pipeline';

const USAGE = 'usage: npm run check -- [--json] [--url URL] [--dataset FILE ...] FILE.html';

function parseArgs(argv: string[]) {
  const options = { json: false, url: null as string | null, datasets: [] as string[], file: null as string | null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--url') options.url = argv[++i] ?? null;
    else if (arg === '--dataset') options.datasets.push(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else if (options.file) throw new Error(`only one page at a time (got ${options.file} and ${arg})\n${USAGE}`);
    else options.file = arg;
  }
  if (!options.file) throw new Error(USAGE);
  return options;
}

function describe(result: CheckResult): string {
  const lines = [`page: ${result.url}`];
  if (!result.article && result.notes.length === 0) {
    lines.push('no known article: the overlay shows nothing');
    return lines.join('\n');
  }
  lines.push(result.article ? `article: ${result.article.id} (${result.article.outlet}), recognised by ${result.article.how}` : 'not a known article, but it repeats claims that were disputed');
  lines.push(`${result.notes.length} disputed passage${result.notes.length === 1 ? '' : 's'} (the toolbar badge count)`);
  for (const note of result.notes) {
    const counters = note.counter.map((c) => `${c.outlet} ${c.stance}`).join('; ');
    const changed = note.changed ? ', passage changed since quoted' : '';
    lines.push(`  • "${note.passage}"`, `      ${note.claim} [${note.how}, confidence ${note.confidence}${changed}] ← ${counters}`);
  }
  for (const note of result.unplaced) lines.push(`  unplaced: ${note.claim}: ${note.reason}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const html = readFileSync(options.file!, 'utf8');
  const url = options.url ?? `http://localhost/${encodeURIComponent(basename(options.file!))}`;
  if (options.url !== null && !/^https?:\/\//i.test(options.url)) throw new Error(`--url must be an http(s) URL, got "${options.url}"`);
  const catalog = options.datasets.length
    ? catalogFromFiles(options.datasets.map((name) => ({ name: basename(name), text: readFileSync(name, 'utf8') })))
    : builtinCatalog();
  const result = await checkHtml(html, url, catalog);
  process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${describe(result)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`check: ${error.message}\n`);
  process.exit(2);
});
