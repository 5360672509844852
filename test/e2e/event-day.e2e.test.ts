import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { B2bRows } from '../support/b2b-factories.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const PASSWORD = 'event-day-e2e-Passphrase-42';
const PHONE = { width: 390, height: 844 };

/**
 * The QR check-in page on an organiser's phone (issue 22 item 6): the participant's agenda code
 * opens who it is and a "Check in" button; an unknown code says so.
 */
describe.skipIf(!chromiumPath)('checking a participant in by its QR code on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows who the code names, checks it in, and refuses a code of no participant', async () => {
    const factory = new Factory(t.database.db);
    const rows = new B2bRows(t.database.db);
    const workspace = await factory.workspace('Event day consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, 'day-coordinator@example.test');
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const activity = await factory.activity(workspace.id, null, {
      instrument: '1.2.1',
      title: 'Space B2B Days',
    });
    const event = await rows.event(workspace.id, activity.id);
    const participant = await rows.participant(workspace.id, event.id, { name: 'Kyoto Orbital Systems' });

    const path = `/w/${workspace.slug}/events/${event.id}/check-in/${participant.checkin_code}`;
    const page = await signedInPage(browser, baseUrl, {
      email: 'day-coordinator@example.test',
      password: PASSWORD,
      redirect: path,
      viewport: PHONE,
    });
    await page.getByText('Kyoto Orbital Systems', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Check in' }).click();
    await page.getByTestId('event-check-in-done').waitFor();
    const row = await t.database.db
      .selectFrom('b2b_participant')
      .select('checked_in_at')
      .where('id', '=', participant.id)
      .executeTakeFirstOrThrow();
    expect(row.checked_in_at).not.toBeNull();
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width, 'no horizontal page scroll on a phone').toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${baseUrl}/w/${workspace.slug}/events/${event.id}/check-in/not-a-code`);
    await page.getByTestId('event-check-in-unknown').waitFor();
    await expectNoSeriousA11yViolations(page);
  });
});
