/**
 * A large dataset across service-worker restarts, in Chromium: after a build, the background
 * persists its match index; a worker started after the browser stopped the old one reads it back
 * instead of building it again, and the next page gets its notes from their pieces stored beside the
 * index, without parsing the dataset. Also measures the two cold
 * starts in one browser (the index persisted, and the index record deleted so it must be rebuilt);
 * the figures are printed, not raced against.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../demo/browser';
import { syntheticDataset } from '../fixtures/manager/synthetic';
import { BADGE } from './helpers';
import { currentWorker, until } from './probes';

const CLAIMS = 100_000;
const ID = 'synthetic-restart';

let browser: ExtensionBrowser;
let tmp: string;

beforeAll(async () => {
  browser = await launchWithExtension();
  tmp = await mkdtemp(join(tmpdir(), 'counterpoint-restart-'));
});

afterAll(async () => {
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The browser stopping the extension's service worker (its target closed), as when it is idle. */
async function stopServiceWorker(): Promise<void> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  const workers = async () => {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  };
  for (const target of await workers()) await cdp.send('Target.closeTarget', { targetId: target.targetId });
  await until(async () => (await workers()).length, 0, 'service worker targets after closing');
  await cdp.detach();
}

/** The key of the match index persisted in the extension's dataset database, read from the worker (null: none). */
async function persistedKey(): Promise<string | null> {
  const worker = await currentWorker(browser);
  return worker.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('counterpoint-datasets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('index')) return resolve(null);
          const get = db.transaction('index').objectStore('index').get('catalog:key');
          get.onsuccess = () => resolve(typeof get.result === 'string' ? get.result : null);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** How many records of the notes' pieces are stored beside the index. */
async function notesRecords(): Promise<number> {
  const worker = await currentWorker(browser);
  return worker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('counterpoint-datasets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('index').objectStore('index').count(IDBKeyRange.bound('notes:', 'notes:\uffff'));
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** Waits until the notes' pieces are all written (written in batches after the index): their count stays the same for a while. */
async function notesWritten(): Promise<number> {
  let last = -1;
  for (let stable = 0; stable < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const count = await notesRecords();
    stable = count > 0 && count === last ? stable + 1 : 0;
    last = count;
  }
  return last;
}

async function deletePersistedIndex(): Promise<void> {
  const worker = await currentWorker(browser);
  await worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('counterpoint-datasets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('index', 'readwrite');
          tx.objectStore('index').clear();
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The worker's own measures of how it got its index: restored from storage or built, and how long it took. */
async function indexMeasures(): Promise<{ restored: number[]; built: number[]; notes: number[]; notesRead: number[] }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    // Right after a stop, the worker listed may still be the old one, gone.
    const worker = await currentWorker(browser);
    const measures = await worker
      .evaluate(() => ({
        restored: performance.getEntriesByName('counterpoint:index-restored').map((e) => e.duration),
        built: performance.getEntriesByName('counterpoint:index-built').map((e) => e.duration),
        notes: performance.getEntriesByName('counterpoint:notes-loaded').map((e) => e.duration),
        notesRead: performance.getEntriesByName('counterpoint:notes-read').map((e) => e.duration),
      }))
      .catch(() => null);
    if (measures) return measures;
    if (Date.now() > deadline) throw new Error('no live service worker to ask');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Opens the page right after a worker stop and times it until its first badge (page load, notes and overlay included). */
async function coldPage(url: string): Promise<{ page: Page; ms: number }> {
  await stopServiceWorker();
  const started = Date.now();
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.locator(BADGE).first().waitFor({ timeout: 120_000 });
  return { page, ms: Date.now() - started };
}

describe(`a dataset of ${CLAIMS.toLocaleString('en')} claims across service-worker restarts`, () => {
  it('is answered from the persisted index after a stop, and rebuilt when that index is gone', async () => {
    const json = syntheticDataset({ id: ID, claims: CLAIMS }) as any;
    const file = join(tmp, `${ID}.json`);
    await writeFile(file, JSON.stringify(json));
    const first = json.articles[0];
    const quote: string = json.disputes[0].claims[0].quotes[0].exact;
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of a made-up report about the harbour, the council and the survey, long enough to read as an article.</p>`);
    paragraphs.splice(2, 0, `<p>The committee said that ${quote} and nothing more was added.</p>`);
    browser.server.addPage(first.url, `<!doctype html><html lang="en"><head><title>${first.title}</title></head><body><article><h1>${first.title}</h1>${paragraphs.join('')}</article></body></html>`);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('#import-file').setInputFiles(file);
    expect(await options.locator('.status .outcome').textContent({ timeout: 180_000 })).toContain('100,000 claims');
    await options.close();
    // The worker that took the import builds the index, then writes it after its answers.
    await until(async () => (await persistedKey())?.includes(`"${ID}@1@`) ?? false, true, 'a persisted index of the imported dataset', 120_000);
    const records = await notesWritten();

    const restoredRun = await coldPage(first.url);
    const restored = await indexMeasures();
    expect(restored.built).toEqual([]);
    expect(restored.restored).toHaveLength(1);
    // Its notes from their stored pieces: the dataset was not read.
    expect(restored.notesRead).toHaveLength(1);
    expect(restored.notes).toEqual([]);
    await restoredRun.page.close();

    await deletePersistedIndex();
    const rebuiltRun = await coldPage(first.url);
    const rebuilt = await indexMeasures();
    expect(rebuilt.restored).toEqual([]);
    expect(rebuilt.built).toHaveLength(1);
    await rebuiltRun.page.close();
    // Rebuilt, it is persisted again for the next restart.
    await until(async () => (await persistedKey())?.includes(`"${ID}@1@`) ?? false, true, 'the index persisted again', 120_000);

    console.log(
      `${CLAIMS.toLocaleString('en')} claims in Chromium, a page opened right after the service worker stopped: ` +
        `index read back from IndexedDB in ${Math.round(restored.restored[0]!)} ms, notes made from their stored pieces (${records} records) in ${Math.round(restored.notesRead[0] ?? NaN)} ms, first badge after ${(restoredRun.ms / 1000).toFixed(1)} s; ` +
        `index rebuilt (record deleted) in ${Math.round(rebuilt.built[0]!)} ms (the dataset read and parsed first), notes made in ${Math.round(rebuilt.notes[0] ?? NaN)} ms, first badge after ${(rebuiltRun.ms / 1000).toFixed(1)} s`,
    );
  }, 600_000);
});
