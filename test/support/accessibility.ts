import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The page's animations, as far as the check needs them (the test project has no DOM types). */
interface AnimatedDocument {
  document: {
    getAnimations(): {
      playState: string;
      effect: { getComputedTiming(): { endTime?: number | string } } | null;
    }[];
  };
}

/** In the page: no finite animation or transition is running. */
function settled(): boolean {
  return (globalThis as unknown as AnimatedDocument).document
    .getAnimations()
    .every(
      (a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Number.POSITIVE_INFINITY,
    );
}

/**
 * Runs axe on the page and expects no serious or critical violation. Drawers and dialogs fade in
 * and out half transparent, so the check waits until no finite animation or transition is running
 * (a spinner's endless one does not count): axe would otherwise read colours mid-way.
 * `include`: a CSS selector to check only that part of a long page (other tests check the rest).
 */
export async function expectNoSeriousA11yViolations(page: Page, include?: string): Promise<void> {
  await page.waitForFunction(settled);
  const axe = new AxeBuilder({ page });
  if (include) axe.include(include);
  const { violations } = await axe.analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}
