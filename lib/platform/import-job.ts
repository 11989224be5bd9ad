/**
 * Importing one dataset file, off the main thread (run by the options page's worker): read it
 * with progress, check it (any format Counterpoint reads), store it whole. Nothing is stored
 * unless every check passed. Every problem comes back as a line naming the file and JSON path.
 */
import { importDataset, type ImportFormat } from '../core/dataset/import';
import { LIMITS } from '../core/dataset/limits';
import { formatProblems } from '../core/dataset/parse';
import { installChecked } from './dataset-install';

export type ImportStage = 'reading' | 'checking' | 'storing';

export type ImportJobMessage =
  | { type: 'progress'; stage: ImportStage; fraction: number | null }
  | { type: 'done'; ok: true; id: string; title: string; version: string; previousVersion: string | null; format: ImportFormat; assumptions: string[]; claims: number }
  | { type: 'done'; ok: false; lines: string[] };

export async function runImportJob(file: File, post: (message: ImportJobMessage) => void, now = Date.now()): Promise<void> {
  try {
    post(await importFile(file, post, now));
  } catch (error) {
    post({ type: 'done', ok: false, lines: [`${file.name}: $: could not be imported (${error instanceof Error ? error.message : String(error)}); nothing was changed`] });
  }
}

async function importFile(file: File, post: (message: ImportJobMessage) => void, now: number): Promise<ImportJobMessage> {
  if (file.size > LIMITS.fileBytes) {
    return { type: 'done', ok: false, lines: [`${file.name}: $: the file is ${file.size} bytes; the limit is ${LIMITS.fileBytes}`] };
  }
  const text = await readText(file, (fraction) => post({ type: 'progress', stage: 'reading', fraction }));
  post({ type: 'progress', stage: 'checking', fraction: null });
  const result = importDataset(text, file.name);
  if (!result.ok) return { type: 'done', ok: false, lines: formatProblems(file.name, result.problems) };
  post({ type: 'progress', stage: 'storing', fraction: null });
  const put = await installChecked({ dataset: result.dataset, format: result.format, assumptions: result.assumptions, origin: { kind: 'file', name: file.name } }, now);
  if (!put.ok) return { type: 'done', ok: false, lines: [`${file.name}: $.dataset.id: ${put.message}`] };
  return {
    type: 'done',
    ok: true,
    id: put.record.id,
    title: put.record.title,
    version: put.record.version,
    previousVersion: put.replaced?.version ?? null,
    format: result.format,
    assumptions: result.assumptions,
    claims: put.record.counts.claims,
  };
}

/** The file's text, reporting the share read so far (at most every 2%). */
async function readText(file: File, progress: (fraction: number) => void): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let read = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    const fraction = file.size ? read / file.size : 1;
    if (fraction - reported >= 0.02) {
      reported = fraction;
      progress(fraction);
    }
  }
  parts.push(decoder.decode());
  return parts.join('');
}
