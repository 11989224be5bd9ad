/** Part 4: every built script, in bytes and gzipped. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptSize {
  target: string;
  file: string;
  bytes: number;
  gzip: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** `builds`: target name → directory (a missing directory is skipped). */
export function scriptSizes(builds: Record<string, string>): ScriptSize[] {
  const out: ScriptSize[] = [];
  for (const [target, dir] of Object.entries(builds)) {
    if (!existsSync(dir)) continue;
    for (const path of walk(dir).filter((p) => p.endsWith('.js')).sort()) {
      const data = readFileSync(path);
      out.push({ target, file: relative(dir, path), bytes: data.length, gzip: gzipSync(data, { level: 9 }).length });
    }
  }
  return out;
}
