import type { Page } from 'playwright-core';

/**
 * Internal codes on screen (issue 18, item 6): words in snake_case (`earth_observation`,
 * `kpi_key`, `rd_centre`) are the API's codes; a person reads labels. The page's visible text
 * (`innerText`: what is rendered, screen-reader-only text included) is searched.
 */
const SNAKE_CASE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

/** The snake_case words in the page's visible text, each with a little of its context. */
export async function visibleCodes(page: Page): Promise<string[]> {
  // innerText, not textContent: only what is rendered (no <script>, no closed dropdown).
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is checked
  const text = await page.locator('body').innerText();
  return [...text.matchAll(SNAKE_CASE)].map((match) => {
    const start = Math.max(0, match.index - 30);
    return `${match[0]} (…${text.slice(start, match.index + match[0].length + 30).replace(/\s+/g, ' ')}…)`;
  });
}
