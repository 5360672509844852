import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import rules of docs/ARCHITECTURE.md, checked on every test run (and so in CI):
 * dependency-cruiser applies `.dependency-cruiser.cjs`; this file adds what a per-import rule
 * cannot say — that the features form no cycle — and that every write goes through
 * `writeTransaction` (decision 0013).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const TEST_FILE = /\.(test|int\.test|e2e\.test)\.ts$/;

interface Cruised {
  modules: { source: string; dependencies: { resolved: string; dependencyTypes: string[] }[] }[];
  summary: {
    violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[];
  };
}

function cruise(): Cruised {
  const cli = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const result = spawnSync(
    process.execPath,
    [
      cli,
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'json',
      'src',
      'web/src',
      'test',
      'bench',
      'scripts',
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (!result.stdout) throw new Error(`dependency-cruiser printed nothing: ${result.stderr}`);
  return JSON.parse(result.stdout) as Cruised;
}

/** feature → the other features it imports (test files left out: a test may set up anything). */
function featureGraph(cruised: Cruised): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const featureOf = (file: string) => /^src\/features\/([^/]+)\//.exec(file)?.[1];
  for (const module of cruised.modules) {
    const from = featureOf(module.source);
    if (!from || TEST_FILE.test(module.source)) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const dependency of module.dependencies) {
      const to = featureOf(dependency.resolved);
      if (to && to !== from) graph.get(from)?.add(to);
    }
  }
  return graph;
}

/** The cycles of a directed graph: its strongly connected components of more than one node (Tarjan). */
function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) as number, low.get(to) as number));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) as number, index.get(to) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

describe('the import rules', () => {
  const cruised = cruise();

  it('hold for every import (.dependency-cruiser.cjs)', () => {
    const broken = cruised.summary.violations.map((v) =>
      v.cycle
        ? `${v.rule.name}: ${[v.from, ...v.cycle.map((c) => c.name)].join(' → ')}`
        : `${v.rule.name}: ${v.from} → ${v.to}`,
    );
    expect(broken).toEqual([]);
  });

  it('leave no cycle between features, two-way or longer', () => {
    const graph = featureGraph(cruised);
    expect(graph.size).toBeGreaterThan(10);
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('find a cycle when there is one (the check itself)', () => {
    const graph = new Map([
      ['plans', new Set(['markets'])],
      ['markets', new Set(['plans'])],
      ['kpis', new Set(['plans'])],
    ]);
    expect(cyclesOf(graph)).toEqual([['markets', 'plans']]);
  });
});

describe('writes', () => {
  it('all go through writeTransaction, which keeps the KPIs fresh (no other transaction in src/)', () => {
    const opened = sourceFiles('src')
      .filter((file) => !file.startsWith('src/db/') && !TEST_FILE.test(file))
      .filter((file) => /\.transaction\(\)/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(opened).toEqual([]);
  });
});
