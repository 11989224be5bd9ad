/**
 * The scale part in a process of its own (started by index.ts with --expose-gc), so its heap figures
 * are not disturbed by what the other parts left behind and 100k claims have the heap to themselves.
 * Usage: node --expose-gc --import tsx scripts/bench/scale-child.ts INPUT.json OUTPUT.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { scale, type ScaleInput } from './scale';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: scale-child.ts INPUT.json OUTPUT.json');
const { sizes, ...data } = JSON.parse(readFileSync(input, 'utf8')) as ScaleInput & { sizes: number[] };
const started = Date.now();
const rows = await scale(sizes, data, (line) => process.stderr.write(`[${String(Math.round((Date.now() - started) / 1000)).padStart(3)} s in scale] ${line.trim()}\n`));
writeFileSync(output, JSON.stringify(rows));
