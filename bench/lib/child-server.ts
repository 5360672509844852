import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** A server started in its own process (so the load generator does not share its event loop). */
export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** CPU time (user + system, microseconds) the server process has used so far. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Runs `bench/servers/<script>` with tsx; the script prints `LISTENING <url>` on stdout once ready
 * and calls `answerCpuQueries()` so the runner can read its CPU time.
 */
export function startChildServer(script: string, env: NodeJS.ProcessEnv = {}): Promise<ChildServer> {
  const file = path.resolve(import.meta.dirname, '../servers', script);
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /LISTENING (\S+)/.exec(buffer);
      if (!match) return;
      child.removeAllListeners('exit');
      resolve({
        url: match[1] as string,
        process: child,
        cpuMicros: () =>
          new Promise((answer) => {
            child.once('message', (message) => answer(Number(message)));
            child.send('cpu');
          }),
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** For server scripts: answer the runner's `cpu` messages with this process's CPU time in µs. */
export function answerCpuQueries(): void {
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.(String(user + system));
  });
}
