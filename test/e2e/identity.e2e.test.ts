import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { WorkspaceRepository } from '../../src/features/workspaces/repository.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'coordinator@demo.space2id.example';

describe.skipIf(!chromiumPath)('identity, clusters and the audit log in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    await seedDemo(t.database.db);
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in, adds and edits a cluster, sees both in the audit log, and signs out', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    // A workspace page sends a signed-out visitor to sign-in, with the way back.
    await page.goto(`${baseUrl}/w/demo/clusters?country=FR`);
    await page.waitForURL(/\/sign-in\?redirect=/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'sign-in.png') });

    // A wrong password: the server's problem detail, no hint whether the account exists.
    await page.locator('input[name=email]').fill(COORDINATOR);
    await page.locator('input[name=password]').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('incorrect');

    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/w\/demo\/clusters\?country=FR$/);
    await expect.poll(() => page.getByTestId('cluster-row').count()).toBe(2);
    expect(await page.getByTestId('user-menu').textContent()).toContain('Clara Coordinator');

    // All 8 demo clusters without the filter, with English country names and EUR day rates.
    await page.goto(`${baseUrl}/w/demo/clusters`);
    await expect.poll(() => page.getByTestId('cluster-row').count()).toBe(8);
    const brabant = page.getByTestId('cluster-row').filter({ hasText: 'BSN' });
    expect(await brabant.textContent()).toContain('Belgium');
    expect(await brabant.textContent()).toContain('€520.00');
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    // Add a cluster: a short name already in use is refused by the server, on its field.
    await page.getByRole('button', { name: 'Add cluster' }).click();
    const form = page.getByTestId('cluster-form');
    await form.waitFor();
    await page.locator('#cluster-name').fill('Nordic Orbit Hub');
    await page.locator('#cluster-shortName').fill('BSN');
    await page.locator('#cluster-country').fill('se');
    expect(await page.locator('#cluster-country').inputValue()).toBe('SE');
    await page.locator('#cluster-city').fill('Kiruna');
    await page.locator('#cluster-dayRateEur').fill('480');
    await form.getByRole('button', { name: 'Add cluster' }).click();
    await expect
      .poll(() => page.locator('#cluster-shortName-error').textContent())
      .toContain('already used by another cluster');
    expect(await page.locator('#cluster-shortName').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'cluster-form-error.png') });

    await page.locator('#cluster-shortName').fill('NOH');
    await form.getByRole('button', { name: 'Add cluster' }).click();
    await expect.poll(() => page.getByTestId('cluster-row').count()).toBe(9);
    const added = page.getByTestId('cluster-row').filter({ hasText: 'NOH' });
    expect(await added.textContent()).toContain('Sweden');

    // Edit it: the city and the day rate.
    await page.getByRole('button', { name: 'Edit Nordic Orbit Hub' }).click();
    await form.waitFor();
    expect(await page.locator('#cluster-city').inputValue()).toBe('Kiruna');
    await page.locator('#cluster-city').fill('Luleå');
    await page.locator('#cluster-dayRateEur').fill('505.5');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => added.textContent()).toContain('Luleå');
    expect(await added.textContent()).toContain('€505.50');
    await form.waitFor({ state: 'detached' });
    await page.locator('.mantine-Drawer-overlay').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'clusters.png'), fullPage: true });

    // Both changes in the audit log, newest first.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/w\/demo\/audit$/);
    await expect.poll(() => page.getByTestId('audit-row').count()).toBeGreaterThanOrEqual(2);
    const [update, create] = [page.getByTestId('audit-row').nth(0), page.getByTestId('audit-row').nth(1)];
    expect(await update.textContent()).toContain('Updated');
    expect(await update.textContent()).toContain(COORDINATOR);
    expect(await update.textContent()).toContain('City: Kiruna → Luleå');
    expect(await update.textContent()).toContain('Day rate: €480.00 → €505.50');
    // The record by its name, not its id.
    expect(await update.textContent()).toContain('NOH · Nordic Orbit Hub');
    expect(await create.textContent()).toContain('Created');
    expect(await create.textContent()).toContain('Short name: NOH');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'audit-log.png'), fullPage: true });

    // Someone else saves the cluster while the drawer is open: 409, reload, apply the edit again.
    await page.getByRole('link', { name: 'Clusters' }).click();
    await page.waitForURL(/\/w\/demo\/clusters$/);
    await page.getByRole('button', { name: 'Edit Nordic Orbit Hub' }).click();
    await form.waitFor();
    await page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const list = (await (await fetch('/api/v1/workspaces/demo/clusters?q=NOH')).json()) as {
        items: { id: string; version: number }[];
      };
      const cluster = list.items[0] as { id: string; version: number };
      await fetch(`/api/v1/workspaces/demo/clusters/${cluster.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ version: cluster.version, city: 'Kiruna' }),
      });
    });
    await page.locator('#cluster-dayRateEur').fill('510');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByTestId('cluster-conflict').textContent()).toContain('someone else');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'cluster-conflict.png') });
    await page.getByTestId('cluster-conflict').getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.locator('#cluster-city').inputValue()).toBe('Kiruna');
    expect(await page.getByTestId('cluster-conflict').count()).toBe(0);
    await page.locator('#cluster-dayRateEur').fill('510');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => added.textContent()).toContain('€510.00');
    expect(await added.textContent()).toContain('Kiruna');

    // Deleting a cluster that still has a manager: the server's reason, nothing deleted.
    await page.getByRole('button', { name: 'Edit Brabant Space Network' }).click();
    await form.getByRole('button', { name: 'Delete cluster' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Brabant Space Network?' });
    await dialog.getByRole('button', { name: 'Delete BSN' }).click();
    await expect.poll(() => page.getByTestId('cluster-delete-error').textContent()).toContain('manager');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'cluster-delete-refused.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });

    // Deleting the new one works, after its confirmation.
    await page.getByRole('button', { name: 'Edit Nordic Orbit Hub' }).click();
    await form.getByRole('button', { name: 'Delete cluster' }).click();
    await page
      .getByRole('dialog', { name: 'Delete Nordic Orbit Hub?' })
      .getByRole('button', { name: 'Delete NOH' })
      .click();
    await expect.poll(() => page.getByTestId('cluster-row').count()).toBe(8);

    // Sign out: the clusters address now leads to sign-in.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${baseUrl}/w/demo/clusters`);
    await page.waitForURL(/\/sign-in\?redirect=%2Fw%2Fdemo%2Fclusters$/);
    await expect.poll(() => page.locator('input[name=email]').count()).toBe(1);

    const screenshot = path.join(ARTIFACTS_DIR, 'clusters.png');
    expect(existsSync(screenshot) && statSync(screenshot).size).toBeGreaterThan(10_000);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('lets a cluster manager edit only its own cluster, and manages API tokens', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator('input[name=email]').fill('manager@demo.space2id.example');
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Everyone starts on the workspace's dashboard.
    await page.waitForURL(/\/w\/demo\/$/);
    await page.getByRole('link', { name: 'Clusters' }).click();
    await page.waitForURL(/\/w\/demo\/clusters$/);
    await expect.poll(() => page.getByTestId('cluster-row').count()).toBeGreaterThanOrEqual(8);

    // Its own cluster opens the editor; the others are read-only; no "Add cluster", no audit log.
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Edit Brabant Space Network' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Add cluster' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Edit Brabant Space Network' }).click();
    expect(await page.getByRole('button', { name: 'Delete cluster' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('cluster-form').waitFor({ state: 'detached' });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(600); // the navigation slides out of view
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'clusters-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(`${baseUrl}/w/demo/audit`);
    await expect
      .poll(() => page.getByTestId('forbidden-state').textContent())
      .toContain('role does not allow');
    await page.goto(`${baseUrl}/w/another-workspace/clusters`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');

    // API tokens: create (the secret once), then revoke behind a confirmation.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'API tokens' }).click();
    await page.waitForURL(/\/account\/tokens$/);
    await expect.poll(() => page.getByTestId('tokens-empty').count()).toBe(1);
    await page.getByLabel('Name').fill('KPI export');
    expect(await page.getByLabel(/Expires after/).inputValue()).toBe('90');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.getByTestId('token-secret-value').textContent()).toMatch(/^s2id_/);
    await expect.poll(() => page.getByTestId('token-row').count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'api-tokens.png'), fullPage: true });
    await page.getByRole('button', { name: 'Revoke KPI export' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
    await expect.poll(() => page.getByTestId('token-row').count()).toBe(0);

    // Sign out everywhere, behind its confirmation.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${baseUrl}/account/tokens`);
    await page.waitForURL(/\/sign-in\?redirect=%2Faccount%2Ftokens$/);
    await context.close();
  });

  it('switches between the workspaces of a user, with the navigation of each role', async () => {
    // Vera views the demo consortium and coordinates a second, empty one.
    const db = t.database.db;
    const vera = await db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'viewer@demo.space2id.example')
      .executeTakeFirstOrThrow();
    const workspaces = new WorkspaceRepository(db);
    const north = await workspaces.create('north', 'Northern Lights Space Partnership');
    await workspaces.addMember({
      workspaceId: north.id,
      userId: vera.id,
      role: 'coordinator',
      clusterId: null,
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in?redirect=%2Fw%2Fdemo%2Fclusters`);
    await page.locator('input[name=email]').fill('viewer@demo.space2id.example');
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/w\/demo\/clusters$/);
    await expect.poll(() => page.getByTestId('cluster-row').count()).toBeGreaterThanOrEqual(8);
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect(await page.getByTestId('workspace-nav').textContent()).toContain('Viewer');

    await page.getByRole('textbox', { name: 'Switch workspace' }).click();
    await page.getByRole('option', { name: 'Northern Lights Space Partnership' }).click();
    // Switching opens the other workspace's dashboard.
    await page.waitForURL(/\/w\/north\/?$/);
    // The navigation is the new workspace's (its role) before a link of it is followed: until
    // then a click can land on the previous workspace's link.
    await expect.poll(() => page.getByTestId('workspace-nav').textContent()).toContain('Coordinator');
    await expect
      .poll(() => page.getByRole('link', { name: 'Clusters' }).getAttribute('href'))
      .toMatch(/\/w\/north\/clusters$/);
    await page.getByRole('link', { name: 'Clusters' }).click();
    await page.waitForURL(/\/w\/north\/clusters$/);
    await expect.poll(() => page.getByTestId('clusters-empty').textContent()).toContain('No clusters yet');
    expect(await page.getByTestId('workspace-nav').textContent()).toContain('Coordinator');
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'clusters-empty-second-workspace.png') });
    await context.close();
  });
});
