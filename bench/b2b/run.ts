/**
 * B2B meeting-scheduling benchmark: runs the 140 instances of shared/benchmarks/b2b one at a time
 * (each in a worker thread, with a per-instance time limit), checks every schedule with the
 * independent checker, and writes bench/results/b2b.md beside the published JAIR 2022 figures.
 *
 * npm run bench -- b2b [--time-limit 60] [--filter original] [--fairness 2] [--single] [--out bench/results/b2b.md]
 *
 * By default each instance runs as the engine's two-worker portfolio (one worker per core);
 * --single runs one worker per instance (the sequential engine).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSchedule } from '../../src/domain/scheduler/checker.ts';
import { parseDzn } from '../../src/domain/scheduler/dzn.ts';
import type { ScheduleResult } from '../../src/domain/scheduler/model.ts';
import { solve } from '../../src/domain/scheduler/solver.ts';
import { runInWorker } from '../../src/jobs/scheduler/run-in-worker.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

export function findBenchDir(): string {
  const candidates = [process.env.B2B_BENCH_DIR, resolve(repo, '..', 'shared', 'benchmarks', 'b2b')];
  for (const c of candidates) {
    if (!c) continue;
    try {
      readdirSync(join(c, 'instances'));
      return c;
    } catch {
      // next
    }
  }
  throw new Error('b2b benchmark folder not found (set B2B_BENCH_DIR)');
}

export interface Published {
  maxsatTime: string;
  maxsatObj: string;
  chuffedTime: string;
  chuffedObj: string;
  mipTime: string;
  mipObj: string;
}

type Table = Map<string, Record<string, string>>;

function readCsv(path: string): Table {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0);
  const header = (lines[0] ?? '').split(',');
  const out: Table = new Map();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = (cells[i] ?? '').trim();
    });
    out.set(row.instance ?? '', row);
  }
  return out;
}

const VARIANT_SOURCE: Record<string, { file: string; prefix: string; chuffed: string }> = {
  original: { file: 'JAIR2022_T5_best_approaches_original.csv', prefix: '', chuffed: 'CP_Chuffed' },
  forb0003: { file: 'JAIR2022_T6_forbidden_0.3_0.7pct.csv', prefix: 'ff0.3_', chuffed: 'Chuffed' },
  forb0007: { file: 'JAIR2022_T6_forbidden_0.3_0.7pct.csv', prefix: 'ff0.7_', chuffed: 'Chuffed' },
  'fixed020-Forb': { file: 'JAIR2022_T7_fixed_20_40pct.csv', prefix: 'fi20_', chuffed: 'Chuffed' },
  'fixed040-Forb': { file: 'JAIR2022_T7_fixed_20_40pct.csv', prefix: 'fi40_', chuffed: 'Chuffed' },
  prec15: { file: 'JAIR2022_T8_precedences_15_25pct.csv', prefix: 'prec15_', chuffed: 'Chuffed' },
  prec25: { file: 'JAIR2022_T8_precedences_15_25pct.csv', prefix: 'prec25_', chuffed: 'Chuffed' },
};

export function loadPublished(benchDir: string): Map<string, Published> {
  const tables = new Map<string, Table>();
  const out = new Map<string, Published>();
  for (const [variant, src] of Object.entries(VARIANT_SOURCE)) {
    let t = tables.get(src.file);
    if (!t) {
      t = readCsv(join(benchDir, 'published', src.file));
      tables.set(src.file, t);
    }
    for (const [inst, row] of t) {
      if (inst.startsWith('#')) continue;
      const g = (k: string) => row[`${src.prefix}${k}`] ?? '';
      out.set(`${inst}.${variant}`, {
        maxsatTime: g('MaxSAT_time_s'),
        maxsatObj: g('MaxSAT_best_obj'),
        chuffedTime: g(`${src.chuffed}_time_s`),
        chuffedObj: g(`${src.chuffed}_best_obj`),
        mipTime: g('MIP_time_s'),
        mipObj: g('MIP_best_obj'),
      });
    }
  }
  return out;
}

/** The reference answer: the MaxSAT objective, else Chuffed's when MaxSAT printed none. */
export function expected(p: Published | undefined): {
  kind: 'infeasible' | 'optimum' | 'none';
  value?: number;
} {
  if (!p) return { kind: 'none' };
  const obj = p.maxsatObj !== '' ? p.maxsatObj : p.chuffedObj;
  if (obj === '-') return { kind: 'infeasible' };
  if (obj !== '' && Number.isFinite(Number(obj)) && p.maxsatTime !== 'TO')
    return { kind: 'optimum', value: Number(obj) };
  return { kind: 'none' };
}

interface Row {
  name: string;
  base: string;
  variant: string;
  result: ScheduleResult;
  /** Seconds from the call to the answer, worker start-up included. */
  wall: number;
  checkErrors: string[];
  pub: Published | undefined;
  met: boolean;
  note: string;
}

interface Args {
  timeLimit: number;
  filter: string;
  fairness: number;
  out: string;
  jobs: number;
  single: boolean;
}

function parseArgs(args: string[]): Args {
  const o: Args = {
    timeLimit: 60,
    filter: '',
    fairness: 2,
    out: join(repo, 'bench', 'results', 'b2b.md'),
    jobs: 1,
    single: false,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = args[i + 1];
    if (a === '--time-limit' && v) {
      o.timeLimit = Number(v);
      i++;
    } else if (a === '--filter' && v) {
      o.filter = v;
      i++;
    } else if (a === '--fairness' && v) {
      o.fairness = Number(v);
      i++;
    } else if (a === '--jobs' && v) {
      o.jobs = Math.max(1, Math.floor(Number(v)));
      i++;
    } else if (a === '--single') {
      o.single = true;
    } else if (a === '--out' && v) {
      o.out = resolve(v);
      i++;
    }
  }
  return o;
}

/** The instance and strategy of the speed calibration: a search that is the same on every machine. */
const CALIBRATION = { instance: 'ticf-13crafa.original', strategy: 'below' } as const;

export interface Calibration {
  conflicts: number;
  seconds: number;
}

/**
 * Times one deterministic search (the bound prover alone, in this thread, on CALIBRATION.instance):
 * it takes the same conflicts everywhere, so its seconds compare this machine with the one of an
 * earlier run, which the instance times alone cannot (they vary from run to run).
 */
export function calibrate(benchDir: string, instance: string = CALIBRATION.instance): Calibration {
  const problem = parseDzn(readFileSync(join(benchDir, 'instances', `${instance}.dzn`), 'utf8'), instance);
  let conflicts = 0;
  const t0 = performance.now();
  solve(problem, {
    fairness: 2,
    strategy: CALIBRATION.strategy,
    onProgress: (p) => {
      conflicts = p.conflicts;
    },
  });
  return { conflicts, seconds: (performance.now() - t0) / 1000 };
}

export async function main(args: string[]): Promise<void> {
  const opts = parseArgs(args);
  const benchDir = findBenchDir();
  const calibration = calibrate(benchDir);
  console.log(
    `calibration: ${CALIBRATION.instance} (${CALIBRATION.strategy} alone) ${calibration.conflicts} conflicts in ${calibration.seconds.toFixed(2)} s`,
  );
  const published = loadPublished(benchDir);
  const files = readdirSync(join(benchDir, 'instances'))
    .filter((f) => f.endsWith('.dzn') && opts.filter.split(',').some((x) => f.includes(x)))
    .sort((a, b) => {
      const va = a.split('.')[1] ?? '';
      const vb = b.split('.')[1] ?? '';
      const order = Object.keys(VARIANT_SOURCE);
      return order.indexOf(va) - order.indexOf(vb) || a.localeCompare(b);
    });
  const rows: (Row | undefined)[] = new Array(files.length);
  const runOne = async (f: string): Promise<Row> => {
    const name = f.replace(/\.dzn$/, '');
    const [base = '', variant = ''] = name.split('.');
    const problem = parseDzn(readFileSync(join(benchDir, 'instances', f), 'utf8'), name);
    const t0 = Date.now();
    const result = await runInWorker(problem, {
      fairness: opts.fairness,
      timeLimitSeconds: opts.timeLimit,
      parallel: !opts.single,
    });
    const wall = (Date.now() - t0) / 1000;
    const checkErrors = result.breaks !== null ? checkSchedule(problem, result, opts.fairness).errors : [];
    const pub = published.get(name);
    const exp = expected(pub);
    let met = false;
    let note = '';
    if (checkErrors.length > 0) note = `CHECK FAILED: ${checkErrors.slice(0, 2).join('; ')}`;
    else if (exp.kind === 'infeasible') {
      met = result.status === 'infeasible';
      if (result.status !== 'infeasible' && result.breaks !== null)
        note = 'CONTRADICTS published infeasibility';
    } else if (exp.kind === 'optimum') {
      met = result.status === 'optimal' && result.breaks === exp.value;
      if (result.status === 'optimal' && result.breaks !== exp.value)
        note = `optimum differs from published ${exp.value}`;
      if (result.status === 'infeasible') note = 'CONTRADICTS published optimum';
      if (variant === 'original') {
        const t = Number(pub?.maxsatTime);
        if (met && !(result.seconds < t)) {
          met = false;
          note = `slower than MaxSAT (${pub?.maxsatTime} s)`;
        }
      }
    }
    const r = result;
    console.log(
      `${name.padEnd(36)} ${r.status.padEnd(10)} breaks=${r.breaks ?? '-'} lb=${r.lowerBound} ${r.seconds.toFixed(2)}s` +
        `  published=${pub?.maxsatObj ?? '?'} (${pub?.maxsatTime ?? '?'} s) ${met ? 'MET' : 'not met'} ${note}`,
    );
    return { name, base, variant, result, wall, checkErrors, pub, met, note };
  };
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      const f = files[i];
      if (f !== undefined) rows[i] = await runOne(f);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.jobs, files.length) }, lane));
  writeFileSync(
    opts.out,
    report(
      rows.filter((r): r is Row => r !== undefined),
      opts,
      calibration,
    ),
  );
  console.log(`wrote ${opts.out}`);
}

function report(rows: Row[], opts: Args, calibration: Calibration): string {
  const cpus = os.cpus();
  const lines: string[] = [];
  lines.push('# B2B meeting scheduling benchmark');
  lines.push('');
  lines.push(`- Date: ${new Date().toISOString()}`);
  lines.push(`- Machine: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores, Node ${process.version}`);
  lines.push(
    `- Machine speed: the bound prover alone ('${CALIBRATION.strategy}', one thread) on ${CALIBRATION.instance} ` +
      `takes ${calibration.conflicts.toLocaleString('en')} conflicts in ${calibration.seconds.toFixed(2)} s here ` +
      `(${Math.round(calibration.conflicts / calibration.seconds).toLocaleString('en')} conflicts/s); the search is the same on every machine, ` +
      'so this figure compares the machines of two runs.',
  );
  lines.push(
    `- Engine: src/domain/scheduler (in-house CDCL SAT with cardinality constraints; bounds from below and schedules from above), ` +
      (opts.single
        ? 'one worker thread per instance'
        : 'a portfolio of two worker threads per instance (one proving bounds upwards, one improving schedules; shared bounds)'),
  );
  lines.push(
    `- Per-instance time limit: ${opts.timeLimit} s; fairness d = ${opts.fairness}; filter: '${opts.filter || 'all'}'; ` +
      `${opts.jobs === 1 ? 'one instance at a time' : `${opts.jobs} instances at a time (one per core)`}`,
  );
  lines.push(
    '- Published columns: Bofill et al., JAIR 74 (2022), Tables 5–8 (Xeon E3-1220v2 3.1 GHz, 7200 s timeout; `-` = proved unsatisfiable).',
  );
  lines.push(
    '- Every schedule found was re-checked by the independent checker (src/domain/scheduler/checker.ts).',
  );
  lines.push(
    '- `seconds` is the solver time inside the workers (encoding included), the figure compared with the published times; `wall s` adds starting the workers.',
  );
  lines.push('');
  // summary
  const orig = rows.filter((r) => r.variant === 'original');
  const crafted = rows.filter((r) => r.variant !== 'original');
  lines.push('## Summary');
  lines.push('');
  if (orig.length) {
    const opt = orig.filter((r) => r.result.status === 'optimal').length;
    const right = orig.filter((r) => {
      const e = expected(r.pub);
      return r.result.status === 'optimal' && e.kind === 'optimum' && r.result.breaks === e.value;
    }).length;
    const faster = orig.filter((r) => r.met).length;
    lines.push(
      `- Originals (d=${opts.fairness}): ${opt}/${orig.length} proven optimal, ${right}/${orig.length} with the published optimum, ` +
        `${faster}/${orig.length} also faster than the published MaxSAT time (target: 20/20).`,
    );
  }
  if (crafted.length) {
    const met = crafted.filter((r) => r.met).length;
    const infExp = crafted.filter((r) => expected(r.pub).kind === 'infeasible');
    const infOk = infExp.filter((r) => r.result.status === 'infeasible').length;
    const optExp = crafted.filter((r) => expected(r.pub).kind === 'optimum');
    const optOk = optExp.filter((r) => r.met).length;
    const wrong = crafted.filter((r) => r.note.includes('CONTRADICTS') || r.note.includes('CHECK')).length;
    lines.push(
      `- Crafted variants: ${met}/${crafted.length} met (status and optimum as published within ${opts.timeLimit} s): ` +
        `${infOk}/${infExp.length} proved infeasible, ${optOk}/${optExp.length} proved optimal with the published optimum; ` +
        `${wrong} contradictions or checker failures.`,
    );
  }
  const fails = rows.filter((r) => r.checkErrors.length > 0).length;
  lines.push(`- Checker failures: ${fails}.`);
  lines.push('');
  lines.push('## Per instance');
  lines.push('');
  lines.push(
    '| instance | variant | status | breaks | lower bound | seconds | wall s | MaxSAT obj | MaxSAT s | Chuffed obj | Chuffed s | MIP obj | MIP s | target |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const p = r.pub;
    lines.push(
      `| ${r.base} | ${r.variant} | ${r.result.status} | ${r.result.breaks ?? '-'} | ${r.result.lowerBound} | ${r.result.seconds.toFixed(2)} | ${r.wall.toFixed(2)} | ` +
        `${p?.maxsatObj ?? ''} | ${p?.maxsatTime ?? ''} | ${p?.chuffedObj ?? ''} | ${p?.chuffedTime ?? ''} | ${p?.mipObj ?? ''} | ${p?.mipTime ?? ''} | ` +
        `${r.met ? 'met' : 'not met'}${r.note ? ` (${r.note})` : ''} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
