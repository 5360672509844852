import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const NEWCOMER = 'nina.newcomer@example.org';

describe.skipIf(!chromiumPath)('invitations and password reset through the development outbox', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    // No SMTP settings: mail goes to the database outbox, as on a developer's machine.
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    await seedDemo(t.database.db);
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('invites a newcomer who accepts, then resets their forgotten password', async () => {
    // The coordinator invites Nina as a viewer and finds the link in the outbox panel.
    const coordinator = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await coordinator.newPage();
    await page.goto(`${baseUrl}/sign-in?redirect=%2Fw%2Fdemo%2Fusers`);
    await page.locator('input[name=email]').fill('coordinator@demo.space2id.example');
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/w\/demo\/users$/);
    await expect.poll(() => page.getByTestId('invitations-empty').count()).toBe(1);
    await page.getByRole('button', { name: 'Invite someone' }).click();
    const form = page.getByTestId('invite-form');
    await page.locator('#invite-name').fill('Nina Newcomer');
    await page.locator('#invite-email').fill(NEWCOMER);
    await page.locator('#invite-role').click();
    await page.getByRole('option', { name: 'Cluster manager' }).click();
    await form.getByRole('button', { name: 'Send invitation' }).click();
    // A cluster manager needs a cluster: said on the field, nothing sent.
    await expect.poll(() => page.locator('#invite-clusterId-error').textContent()).toBe('is required');
    await page.locator('#invite-role').click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('invitation-row').count()).toBe(1);
    expect(await page.getByTestId('invitation-row').textContent()).toContain('Viewer');
    const mail = page.getByTestId('outbox-mail').filter({ hasText: NEWCOMER });
    await expect.poll(() => mail.count()).toBe(1);
    const link = await mail.getByRole('link', { name: 'Open link' }).getAttribute('href');
    expect(link).toMatch(/^\/accept-invitation\?token=/);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'users-invitations.png'), fullPage: true });
    await coordinator.close();

    // Nina opens the link, chooses her password and lands in the workspace, signed in.
    const newcomer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const nina = await newcomer.newPage();
    await nina.goto(`${baseUrl}${link}`);
    await expect
      .poll(() => nina.getByRole('heading', { level: 1 }).textContent())
      .toBe('Accept your invitation');
    // The preview says who invites her where, and that she needs a new password (no account yet).
    await expect
      .poll(() => nina.getByTestId('invitation-preview').textContent())
      .toMatch(
        /Clara Coordinator invites you to .+ as Viewer\..*nina\.newcomer@example\.org.*create your account/,
      );
    await nina.locator('input[name=password]').fill('first-Password-2026');
    await nina.locator('input[name=password-repeat]').fill('first-Password-2026');
    expect(await nina.getByTestId('password-strength').textContent()).toContain('Strong');
    await expectNoSeriousA11yViolations(nina);
    await nina.screenshot({ path: path.join(ARTIFACTS_DIR, 'accept-invitation.png') });
    await nina.getByRole('button', { name: 'Accept and sign in' }).click();
    await nina.waitForURL(/\/w\/demo\/members$/);
    expect(await nina.getByTestId('user-menu').textContent()).toContain('Nina Newcomer');
    expect(await nina.getByTestId('workspace-nav').textContent()).toContain('Viewer');
    expect(await nina.getByRole('button', { name: 'Add member' }).count()).toBe(0);

    // The link works once: the preview already says so, without asking for a password.
    await nina.goto(`${baseUrl}${link}`);
    await expect.poll(() => nina.getByTestId('invitation-invalid').count()).toBe(1);
    expect(await nina.locator('input[name=password]').count()).toBe(0);

    // Signed out, she forgets her password: the same neutral answer as for any address.
    await nina.getByTestId('user-menu').click();
    await nina.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await nina.waitForURL(/\/sign-in$/);
    await nina.getByRole('link', { name: 'Forgot your password?' }).click();
    await nina.waitForURL(/\/forgot-password$/);
    await nina.locator('input[name=email]').fill(NEWCOMER);
    await nina.getByRole('button', { name: 'Send the link' }).click();
    await expect
      .poll(() => nina.getByTestId('reset-requested').textContent())
      .toContain('If an account uses this e-mail');

    // The reset mail, read from the outbox table (she is signed out, so not through /dev/outbox).
    const resetMail = async () =>
      t.database.db
        .selectFrom('mail_outbox')
        .select('text')
        .where('to', '=', NEWCOMER)
        .where('subject', 'like', 'Reset%')
        .executeTakeFirst();
    await expect.poll(async () => (await resetMail())?.text ?? '').toContain('/reset-password?token=');
    const resetUrl = new URL(
      (await resetMail())?.text.match(/https?:\/\/\S+\/reset-password\?token=\S+/)?.[0] ?? '',
    );
    const resetPath = `${resetUrl.pathname}${resetUrl.search}`;

    await nina.goto(`${baseUrl}${resetPath}`);
    await nina.locator('input[name=password]').fill('short');
    await nina.getByRole('button', { name: 'Set the new password' }).click();
    expect(await nina.locator('main').textContent()).toContain('Too short');
    await nina.locator('input[name=password]').fill('second-Password-2026');
    await nina.locator('input[name=password-repeat]').fill('second-Password-2026');
    await expectNoSeriousA11yViolations(nina);
    await nina.screenshot({ path: path.join(ARTIFACTS_DIR, 'reset-password.png') });
    await nina.getByRole('button', { name: 'Set the new password' }).click();
    await expect
      .poll(() => nina.getByTestId('reset-done').textContent())
      .toContain('Your password is changed');

    // A used link says so, and offers a new one.
    await nina.goto(`${baseUrl}${resetPath}`);
    await nina.locator('input[name=password]').fill('third-Password-2026');
    await nina.locator('input[name=password-repeat]').fill('third-Password-2026');
    await nina.getByRole('button', { name: 'Set the new password' }).click();
    await expect.poll(() => nina.getByTestId('reset-invalid').count()).toBe(1);
    expect(await nina.getByRole('link', { name: 'Ask for a new link' }).count()).toBe(1);

    // The new password signs her in.
    await nina.goto(`${baseUrl}/sign-in`);
    await nina.locator('input[name=email]').fill(NEWCOMER);
    await nina.locator('input[name=password]').fill('second-Password-2026');
    await nina.getByRole('button', { name: 'Sign in' }).click();
    await nina.waitForURL(/\/w\/demo\/$/);
    await newcomer.close();
  });

  it('lists the members, changes a role, keeps the last coordinator, and lets a member edit its own organisation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in?redirect=%2Fw%2Fdemo%2Fusers`);
    await page.locator('input[name=email]').fill('coordinator@demo.space2id.example');
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/w\/demo\/users$/);
    const rows = page.getByTestId('member-row');
    await expect.poll(() => rows.filter({ hasText: 'Vera Viewer' }).count()).toBe(1);

    // Filter by role, then search by e-mail.
    await page.getByTestId('members-role-filter').click();
    await page.getByRole('option', { name: 'Coordinator' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Clara Coordinator (you)');
    await page.getByTestId('members-role-filter').click();
    await page.getByRole('option', { name: 'Coordinator' }).click();
    await page.getByTestId('members-search').fill('viewer@demo');
    await expect.poll(() => rows.count()).toBe(1);

    // Vera becomes a mentor.
    await page.getByRole('button', { name: 'Change the role of Vera Viewer' }).click();
    await page.locator('#member-role-role').click();
    await page.getByRole('option', { name: 'Mentor' }).click();
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('member-role-form').getByRole('button', { name: 'Save role' }).click();
    await expect.poll(() => page.getByTestId('members-notice').textContent()).toContain('Vera Viewer');
    await expect.poll(() => rows.first().getByTestId('member-role').textContent()).toBe('Mentor');

    // The only coordinator cannot demote herself: the server's 409 is shown in the form.
    await page.getByTestId('members-search').fill('coordinator@demo');
    await expect.poll(() => rows.filter({ hasText: 'Clara' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Change the role of Clara Coordinator' }).click();
    await page.locator('#member-role-role').click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await page.getByTestId('member-role-form').getByRole('button', { name: 'Save role' }).click();
    await expect
      .poll(() => page.getByTestId('member-role-error').textContent())
      .toContain('at least one coordinator');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'users-members.png'), fullPage: true });
    await context.close();

    // Mia, a member, gets the edit button on her own organisation's profile (not delete).
    const mia = await t.database.db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select('membership.organisation_id')
      .where('app_user.email', '=', 'member@demo.space2id.example')
      .executeTakeFirstOrThrow();
    const memberContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const memberPage = await memberContext.newPage();
    const ownPath = `/w/demo/members/${mia.organisation_id}`;
    await memberPage.goto(`${baseUrl}/sign-in?redirect=${encodeURIComponent(ownPath)}`);
    await memberPage.locator('input[name=email]').fill('member@demo.space2id.example');
    await memberPage.locator('input[name=password]').fill(DEMO_PASSWORD);
    await memberPage.getByRole('button', { name: 'Sign in' }).click();
    await memberPage.waitForURL((url) => url.pathname === ownPath);
    await expect.poll(() => memberPage.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(1);
    expect(await memberPage.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    await memberContext.close();
  });
});
