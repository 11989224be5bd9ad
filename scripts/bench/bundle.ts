/** Bundles scripts/bench/probe.ts into one script to evaluate in a page, with Vite (a dev dependency). */
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { ROOT } from './pages';

export async function bundleProbe(): Promise<string> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      lib: { entry: join(ROOT, 'scripts/bench/probe.ts'), formats: ['iife'], name: 'counterpointProbe', fileName: () => 'probe.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('probe bundle: no output');
  return chunk.code;
}
