import { hashPassword, PASSWORD_HASH_OPTIONS, verifyPassword } from '../src/features/auth/secrets.ts';
import { formatSpread, summarize, writeResult } from './lib/report.ts';

/**
 * `npm run bench -- argon2 [--runs N]`: how long one password verification takes with the Hub's
 * argon2id parameters (target: 50–150 ms, slow for guessing, quick enough for people).
 */
export async function main(args: string[]): Promise<void> {
  const index = args.indexOf('--runs');
  const runs = index >= 0 ? Number(args[index + 1]) : 30;
  const hash = await hashPassword('correct horse battery staple');
  await verifyPassword(hash, 'warm-up');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await verifyPassword(hash, i % 2 ? 'correct horse battery staple' : 'wrong guess');
    times.push(performance.now() - started);
  }
  const { min, max } = summarize(times);
  const verdict = min >= 50 && max <= 150 ? 'met (every run)' : 'NOT met in every run';
  const body = `
Parameters: argon2id, memory ${PASSWORD_HASH_OPTIONS.memoryCost} KiB, time cost ${PASSWORD_HASH_OPTIONS.timeCost},
parallelism ${PASSWORD_HASH_OPTIONS.parallelism} (\`src/features/auth/secrets.ts\`). ${runs} verifications, one at a time.

| figure | median (min–max), ms | target |
|---|---|---|
| one verification | ${formatSpread(times, 1)} | 50–150 ms: ${verdict} (min ${min.toFixed(1)}, max ${max.toFixed(1)}) |
`;
  console.log(`written ${writeResult('argon2', 'Password verification time (argon2id)', body)}`);
}
