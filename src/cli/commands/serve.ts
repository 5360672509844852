import type { Command } from 'commander';
import pretty from 'pino-pretty';
import { buildApp } from '../../app/build-app.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { AuthRepository } from '../../features/auth/repository.ts';
import { AuthService } from '../../features/auth/service.ts';
import { DEMO_PASSWORD } from '../../features/demo/seed-demo.ts';
import { WorkspaceSetupService } from '../../features/workspaces/setup-service.ts';
import { openReadyDatabase } from '../context.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('migrate, seed and serve the Hub (API and web app)')
    .option('--port <port>', 'port to listen on (default: $PORT or 3000)')
    .option('--host <host>', 'address to bind (default: $HOST or 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }) => {
      const startedAt = performance.now();
      const config = loadConfig({
        ...process.env,
        ...(options.port ? { PORT: options.port } : {}),
        ...(options.host ? { HOST: options.host } : {}),
      });
      const database = await openReadyDatabase(config);
      const app = await buildApp({
        database,
        webDist: config.webDist,
        logger: serverLogger(config.logLevel),
        mail: { smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl },
        trustProxy: config.trustProxy,
        // The weekly network digest: every server ticks hourly, the digest table makes it once.
        periodicTickMs: 60 * 60 * 1000,
        jobs: {
          ...(config.jobLeaseMs !== undefined ? { leaseMs: config.jobLeaseMs } : {}),
          ...(config.jobPollMs !== undefined ? { pollMs: config.jobPollMs } : {}),
        },
      });
      const shutdown = async (signal: string) => {
        app.log.info({ signal }, 'shutting down');
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);

      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
      const ms = Math.round(performance.now() - startedAt);
      console.log(
        `\n  SPACE2ID Hub is running at http://${shownHost}:${port}  (${database.kind}: ${database.location}, ready in ${ms} ms)\n`,
      );
      if (!config.smtpUrl) {
        console.log(
          '  Mail is kept in the dev outbox (no SMTP_URL): signed in, see GET /api/v1/dev/outbox\n',
        );
      }
      const publicUrl = config.publicUrlSet ? config.publicUrl : `http://${shownHost}:${port}`;
      const start = await startLink(database, publicUrl);
      if (start) {
        console.log('  This Hub has no workspace yet. Open this one-time link to set up your consortium');
        console.log(`  (it works once, until ${start.expiresAt.slice(0, 16).replace('T', ' ')} UTC):\n`);
        console.log(`    ${start.url}\n`);
      }
      if (database.demo.created) {
        console.log(`  Demo workspace created. Sign in with password "${DEMO_PASSWORD}" as:`);
        for (const user of database.demo.users) console.log(`    ${user.email.padEnd(40)} (${user.role})`);
        console.log('  (set SEED_DEMO=false to start without demo data)\n');
      }
    });
}

/**
 * On a database without any workspace, a fresh one-time set-up link (older unused ones are revoked);
 * otherwise null.
 */
function startLink(database: Database, publicUrl: string) {
  const auth = new AuthService(new AuthRepository(database.db));
  return new WorkspaceSetupService({ db: database.db, auth, publicUrl }).startLinkIfEmpty();
}

/**
 * JSON lines for log collectors; on a terminal, one readable line each (pino-pretty as a stream in
 * this process: no transport thread), so the start banner is not buried.
 */
function serverLogger(level: string) {
  if (!process.stdout.isTTY) return { level };
  return {
    level,
    stream: pretty({
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
      singleLine: true,
    }),
  };
}
