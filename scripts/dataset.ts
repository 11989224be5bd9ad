/**
 * The command line for dataset authors (docs/dataset-format.md, "Checking a dataset"):
 *   npm run dataset -- validate FILE...                       exit 0 if every file is valid, 1 if not
 *   npm run dataset -- convert [--from claimreview|webannotation] FILE   our format on stdout
 *   npm run dataset -- stats [--json] FILE...
 *   npm run dataset -- fingerprint FILE.txt|FILE.html         an article `fingerprint` object
 *   npm run dataset -- schema                                 the JSON Schema of the format
 * Messages are those of the dataset manager: both call importDataset.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fingerprintText } from '../lib/core/fingerprint';
import { FORMAT_NAMES, importDataset, type ImportFormat, type ImportResult } from '../lib/core/dataset/import';
import { datasetJsonSchema } from '../lib/core/dataset/json-schema';
import { LIMITS } from '../lib/core/dataset/limits';
import { formatProblems } from '../lib/core/dataset/parse';
import { datasetStats } from '../lib/core/dataset/stats';

const USAGE = `usage:
  npm run dataset -- validate FILE...
  npm run dataset -- convert [--from claimreview|webannotation] FILE
  npm run dataset -- stats [--json] FILE...
  npm run dataset -- fingerprint FILE.txt|FILE.html
  npm run dataset -- schema`;

class UsageError extends Error {}

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** The file's text, or a message: missing, a directory, or bigger than the limit (not read then). */
function readText(file: string): { text: string } | { error: string } {
  try {
    const size = statSync(file).size;
    if (size > LIMITS.fileBytes) return { error: `${basename(file)}: $: the file is ${size} bytes long; the limit is ${LIMITS.fileBytes}` };
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return { error: `${basename(file)}: cannot read the file: ${why}` };
  }
}

function load(file: string, from?: ImportFormat): ImportResult | { error: string } {
  const read = readText(file);
  return 'error' in read ? read : importDataset(read.text, basename(file), from ? { from } : {});
}

function validate(files: string[]): number {
  if (files.length === 0) throw new UsageError('validate needs at least one FILE');
  let failed = 0;
  for (const file of files) {
    const name = basename(file);
    const result = load(file);
    if ('error' in result) {
      out(result.error);
      failed++;
    } else if (!result.ok) {
      for (const line of formatProblems(name, result.problems)) out(line);
      failed++;
    } else {
      const stats = datasetStats(result.dataset);
      const converted = result.format === 'counterpoint' ? '' : `, converted from ${FORMAT_NAMES[result.format]} with ${result.assumptions.length} assumption(s)`;
      out(`${name}: valid (${stats.disputes} disputes, ${stats.claims} claims, ${stats.responses} responses${converted})`);
      for (const note of result.assumptions) out(`${name}: assumed: ${note}`);
    }
  }
  if (files.length > 1) out(failed ? `${failed} of ${files.length} files are not valid` : `all ${files.length} files are valid`);
  return failed ? 1 : 0;
}

function convert(args: string[]): number {
  let from: ImportFormat | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--from') {
      const value = args[++i];
      if (value !== 'claimreview' && value !== 'webannotation' && value !== 'counterpoint') throw new UsageError(`--from must be claimreview or webannotation, got ${value ?? 'nothing'}`);
      from = value;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError('convert takes one FILE');
  const file = files[0]!;
  const result = load(file, from);
  if ('error' in result) {
    err(result.error);
    return 1;
  }
  if (!result.ok) {
    for (const line of formatProblems(basename(file), result.problems)) err(line);
    return 1;
  }
  for (const note of result.assumptions) err(`${basename(file)}: assumed: ${note}`);
  out(JSON.stringify(result.dataset, null, 2));
  return 0;
}

function stats(args: string[]): number {
  const json = args.includes('--json');
  const files = args.filter((arg) => arg !== '--json');
  if (files.length === 0) throw new UsageError('stats needs at least one FILE');
  let failed = 0;
  const all: Record<string, unknown> = {};
  for (const file of files) {
    const name = basename(file);
    const result = load(file);
    if ('error' in result || !result.ok) {
      for (const line of 'error' in result ? [result.error] : formatProblems(name, result.problems)) err(line);
      failed++;
      continue;
    }
    const s = datasetStats(result.dataset);
    if (json) {
      all[name] = { format: result.format, ...s };
      continue;
    }
    const d = result.dataset.dataset;
    out(`${name}: ${d.title} (${d.id} ${d.version}, ${d.publisher}, updated ${d.updated})`);
    const rows: [string, string | number][] = [
      ['format', FORMAT_NAMES[result.format]],
      ['disputes', s.disputes],
      ['claims', s.claims],
      ['responses', s.responses],
      ['articles', `${s.articles} (${s.articlesWithUrl} with an address, ${s.articlesWithFingerprint} with a fingerprint)`],
      ['outlets', s.outlets],
      ['quotes', `${s.quotes} (${s.withoutQuotes} claims or responses have none)`],
      ['languages', s.languages.map(([language, count]) => `${language} ${count}`).join(', ')],
      ['stances', Object.entries(s.stances).filter(([, n]) => n > 0).map(([stance, n]) => `${stance} ${n}`).join(', ')],
    ];
    for (const [label, value] of rows) out(`  ${label.padEnd(10)} ${value}`);
  }
  if (json) out(JSON.stringify(files.length === 1 ? Object.values(all)[0] ?? null : all, null, 2));
  return failed ? 1 : 0;
}

async function fingerprint(args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError('fingerprint takes one FILE.txt or FILE.html');
  const file = args[0]!;
  const read = readText(file);
  if ('error' in read) {
    err(read.error);
    return 1;
  }
  let text = read.text;
  if (/^\.x?html?$/i.test(extname(file))) {
    // Readability needs a DOM: happy-dom here, in the script, so that lib/core stays pure.
    const { newWindow, loadHtml } = await import('./pipeline');
    const { extractArticle } = await import('../lib/dom/extract');
    const window = newWindow('http://localhost/');
    try {
      const article = extractArticle(loadHtml(window, text));
      if (!article) {
        err(`${basename(file)}: Readability found no article text in this page; save the article's text as a .txt file and fingerprint that`);
        return 1;
      }
      text = article.text;
    } finally {
      await window.happyDOM.close();
    }
  }
  const result = fingerprintText(text);
  if (result.hashes.length < 8) {
    err(`${basename(file)}: too little text for a fingerprint (${result.hashes.length} hashes; a fingerprint needs at least 8)`);
    return 1;
  }
  out(JSON.stringify(result));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'validate':
      return validate(args);
    case 'convert':
      return convert(args);
    case 'stats':
      return stats(args);
    case 'fingerprint':
      return fingerprint(args);
    case 'schema':
      out(JSON.stringify(datasetJsonSchema(), null, 2));
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    err(error instanceof UsageError ? `dataset: ${error.message}\n${USAGE}` : `dataset: ${error.stack ?? error.message}`);
    process.exitCode = 2;
  },
);
