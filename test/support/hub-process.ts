import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/space2id.mjs');

/** `space2id serve` in a process of its own, on a free port, over an existing database. */
export interface HubProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown hook runs, no connection is closed cleanly. Resolves when it is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, the orderly stop. */
  stop(): Promise<void>;
  /** Everything it printed so far (stdout and stderr), e.g. the set-up link of an empty database. */
  output(): string;
}

/** Starts the Hub on `databaseUrl` (migrated and seeded by `serve` itself, no demo data). */
export function startHubProcess(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<HubProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const onData = () => {
      const port = /running at http:\/\/\S+?:(\d+)/.exec(output)?.[1];
      if (!port) return;
      child.stdout?.off('data', onData);
      child.off('exit', onEarlyExit);
      resolve({
        url: `http://127.0.0.1:${port}`,
        child,
        kill9: signal('SIGKILL'),
        stop: signal('SIGTERM'),
        output: () => output,
      });
    };
    const onEarlyExit = (code: number | null) =>
      reject(new Error(`serve exited with ${code} before listening:\n${output}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', onEarlyExit);
  });
}
