import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../results');

/** Min, median and max of a series (the series is not modified). */
export function summarize(values: number[]): { min: number; median: number; max: number } {
  if (values.length === 0) throw new Error('summarize: empty series');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { min: sorted[0] as number, median, max: sorted[sorted.length - 1] as number };
}

/** The p-th percentile (0 < p ≤ 1) by nearest rank: the smallest value with at least p of them at or below. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile: empty series');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/** "median (min–max)" with the given number of decimals. */
export function formatSpread(values: number[], decimals = 1): string {
  const { min, median, max } = summarize(values);
  return `${median.toFixed(decimals)} (${min.toFixed(decimals)}–${max.toFixed(decimals)})`;
}

/** The machine line every result file starts with. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/**
 * Writes `bench/results/<name>.md` with a standard header and returns its path. `command` is what
 * reproduces it, when that is more than `npm run bench -- <name>` (options).
 */
export function writeResult(
  name: string,
  title: string,
  body: string,
  command = `npm run bench -- ${name}`,
): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.md`);
  const header = `# ${title}\n\n- Date: ${new Date().toISOString()}\n- Machine: ${machineLine()}\n- Command: \`${command}\`\n\n`;
  writeFileSync(file, `${header}${body.trim()}\n`);
  return file;
}
