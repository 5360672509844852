import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundTasks } from '../../src/features/mail/background.ts';
import { testDialects } from '../support/databases.ts';
import { describeViolations, type RunReport, runHostileRequests } from '../support/hostile/run.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Issue 19: generated hostile requests to every operation of the OpenAPI document, by every role
 * of workspace A, a signed-in stranger and nobody, with workspace B's data beside A's. A bounded
 * run here; `npm run bench -- fuzz` runs a long one. A new seed every run (HOSTILE_SEED replays
 * one); HOSTILE_REQUESTS changes the count.
 */
const REQUESTS = Number(process.env.HOSTILE_REQUESTS ?? 3000);
const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));

describe.each(testDialects())('hostile input on %s', (kind) => {
  let t: TestApp;
  let report: RunReport;
  const background = new BackgroundTasks();

  beforeAll(async () => {
    t = await startTestApp(kind, { background });
    report = await runHostileRequests({
      app: t.app,
      database: t.database,
      requests: REQUESTS,
      seed: SEED,
      idle: () => Promise.all([t.app.jobs.idle(), background.idle()]),
    });
    console.info(
      `hostile input on ${kind}: ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s, seed ${report.seed}, ${report.succeeded.size}/${report.operations} operations answered 2xx, ${report.writesAccepted} writes accepted`,
    );
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  it('sends every operation of the document, as every caller', () => {
    expect(report.requests).toBe(REQUESTS);
    expect(report.sent.size).toBe(report.operations * report.callers);
  });

  it('never answers 5xx', () => {
    expect(report.counts['5xx'], describeViolations(report)).toBe(0);
  });

  it("never shows B's ids, e-mails or names to a caller in A", () => {
    expect(report.counts['leak of B'], describeViolations(report)).toBe(0);
  });

  it("never accepts a write (or read) the caller's role may not make, and never writes into B", () => {
    expect(report.counts['forbidden write'], describeViolations(report)).toBe(0);
    expect(report.counts['forbidden read'], describeViolations(report)).toBe(0);
    expect(report.counts['B changed'], describeViolations(report)).toBe(0);
  });

  it('leaves the database as it was after every refused request', () => {
    expect(report.counts['changed after refusal'], describeViolations(report)).toBe(0);
  });

  it('answers every refusal with a problem document', () => {
    expect(report.counts['not a problem document'], describeViolations(report)).toBe(0);
  });

  it('reaches the use cases: valid requests are accepted too', () => {
    expect(report.replenishFailures).toEqual([]);
    expect(report.writesAccepted).toBeGreaterThan(0);
    expect(report.succeeded.size).toBeGreaterThan(report.operations / 2);
  });
});
