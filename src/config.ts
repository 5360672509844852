import path from 'node:path';

/** Runtime configuration, read only from the environment (see README "Configuration"). */
export interface Config {
  host: string;
  port: number;
  /** `postgres://…` for PostgreSQL; a file path or `sqlite:<path>` for SQLite. */
  databaseUrl: string;
  logLevel: string;
  /** Folder of the built web app; served when it exists. */
  webDist: string;
  /** Create the demo workspace on a database without any workspace (default true). */
  seedDemo: boolean;
  /** `smtp://user:pass@host:587` (or `smtps://`); null keeps mail in the database outbox (development). */
  smtpUrl: string | null;
  /** The sender of the Hub's mails. */
  mailFrom: string;
  /** Where the Hub is reached from outside: the base of the links in mails and of the set-up link. */
  publicUrl: string;
  /** Whether `PUBLIC_URL` was set (else `serve` uses http://localhost:<the port it listens on>). */
  publicUrlSet: boolean;
  /**
   * Which reverse proxies are believed about the client (`X-Forwarded-For`, `-Proto`, `-Host`):
   * false (none, the default), true (every hop: only when nothing reaches the Hub but the proxy),
   * a number of hops, or addresses and CIDR ranges.
   */
  trustProxy: boolean | number | string[];
  /** How long a server holds a running job without renewing it (unset: the queue's 30 s). */
  jobLeaseMs?: number;
  /** How often a server looks for jobs queued or left by another (unset: the queue's 5 s). */
  jobPollMs?: number;
}

export const DEFAULT_SQLITE_FILE = './data/space2id.db';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort(env.PORT);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    databaseUrl: env.DATABASE_URL ?? DEFAULT_SQLITE_FILE,
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: env.WEB_DIST ?? path.resolve(import.meta.dirname, '../web/dist'),
    seedDemo: env.SEED_DEMO !== 'false' && env.SEED_DEMO !== '0',
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: env.MAIL_FROM || 'SPACE2ID Hub <no-reply@localhost>',
    publicUrl: parsePublicUrl(env.PUBLIC_URL, port),
    publicUrlSet: env.PUBLIC_URL !== undefined && env.PUBLIC_URL !== '',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    jobLeaseMs: parseMilliseconds('JOB_LEASE_MS', env.JOB_LEASE_MS, 500),
    jobPollMs: parseMilliseconds('JOB_POLL_MS', env.JOB_POLL_MS, 50),
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const addresses = text.split(',').map((part) => part.trim());
  if (addresses.some((part) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(part))) {
    throw new Error(
      `TRUST_PROXY must be true, false, a number of proxy hops, or addresses/CIDR ranges such as 10.0.0.0/8,127.0.0.1; got "${text}"`,
    );
  }
  return addresses;
}

/** A duration in whole milliseconds of at least `least`; undefined when unset. */
function parseMilliseconds(name: string, value: string | undefined, least: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < least) {
    throw new Error(`${name} must be a whole number of milliseconds, at least ${least}, got "${value}"`);
  }
  return ms;
}

function parseSmtpUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!URL.canParse(value) || !['smtp:', 'smtps:'].includes(new URL(value).protocol)) {
    throw new Error('SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465');
  }
  return value;
}

function parsePublicUrl(value: string | undefined, port: number): string {
  if (value === undefined || value === '') return `http://localhost:${port === 0 ? 3000 : port}`;
  if (!URL.canParse(value) || !['http:', 'https:'].includes(new URL(value).protocol)) {
    throw new Error(`PUBLIC_URL must be an http(s) URL such as https://hub.example.org, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${value}"`);
  }
  return port;
}
