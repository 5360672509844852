import { describe, expect, it } from 'vitest';
import { DEFAULT_SQLITE_FILE, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000 on 127.0.0.1 with the SQLite file under ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: DEFAULT_SQLITE_FILE,
      logLevel: 'info',
    });
    expect(config.webDist).toMatch(/web[/\\]dist$/);
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/srv/web',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 8080,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/hub',
      logLevel: 'warn',
      webDist: '/srv/web',
      seedDemo: true,
      smtpUrl: null,
      mailFrom: 'SPACE2ID Hub <no-reply@localhost>',
      // PUBLIC_URL unset: the port the Hub listens on (issue 20).
      publicUrl: 'http://localhost:8080',
      publicUrlSet: false,
      trustProxy: false,
    });
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('reads which reverse proxies to trust, and refuses anything else naming the variable', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('reads the mail settings: SMTP server, sender and the public address of links', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtp://user:pass@mail.example.org:587',
        MAIL_FROM: 'Hub <hub@example.org>',
        PUBLIC_URL: 'https://hub.example.org/',
      }),
    ).toMatchObject({
      smtpUrl: 'smtp://user:pass@mail.example.org:587',
      mailFrom: 'Hub <hub@example.org>',
      publicUrl: 'https://hub.example.org',
    });
  });

  it.each([
    ['SMTP_URL', 'http://mail.example.org'],
    ['PUBLIC_URL', 'hub.example.org'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} must`));
  });

  it('reads the job lease and poll interval in milliseconds, refusing what is not a sensible duration', () => {
    expect(loadConfig({ JOB_LEASE_MS: '1500', JOB_POLL_MS: '200' })).toMatchObject({
      jobLeaseMs: 1500,
      jobPollMs: 200,
    });
    expect(loadConfig({})).toMatchObject({ jobLeaseMs: undefined, jobPollMs: undefined });
    expect(() => loadConfig({ JOB_LEASE_MS: '100' })).toThrow(
      'JOB_LEASE_MS must be a whole number of milliseconds, at least 500, got "100"',
    );
    expect(() => loadConfig({ JOB_POLL_MS: '1.5' })).toThrow(/JOB_POLL_MS must be a whole number/);
  });

  it.each(['abc', '-1', '70000', '3.5'])('refuses PORT=%s with a message naming the variable', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT must be an integer/);
  });
});
