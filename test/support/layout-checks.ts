import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Layout checks run in the page (issue 18): the page scrolls sideways, a label is cut off with an
 * ellipsis, a table is wider than its box, the navigation marks several pages as current.
 */

/** The DOM as far as these checks need it (the test project has no DOM types). */
interface Box {
  right: number;
  width: number;
}
interface Element {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly parentElement: Element | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  closest(selector: string): Element | null;
}
interface PageGlobals {
  innerWidth: number;
  document: {
    documentElement: Element;
    querySelector(selector: string): Element | null;
    querySelectorAll(selector: string): Iterable<Element>;
    fonts: { status: string };
  };
  getComputedStyle(element: Element): { textOverflow: string; overflowX: string };
}

/** What `splitWords` needs of the DOM besides `PageGlobals`. */
interface TextNode {
  readonly textContent: string | null;
}
interface SplitGlobals {
  document: {
    querySelector(selector: string): Element | null;
    createTreeWalker(root: Element, whatToShow: number): { nextNode(): TextNode | null };
    createRange(): {
      setStart(node: TextNode, offset: number): void;
      setEnd(node: TextNode, offset: number): void;
      getClientRects(): ArrayLike<{ width: number; top: number }>;
    };
  };
}

/** Waits until the page has loaded what it shows: no request running, no busy region, fonts in. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as PageGlobals;
    return (
      document.querySelector('main') !== null &&
      document.querySelector('main [aria-busy="true"]') === null &&
      document.fonts.status === 'loaded'
    );
  });
}

/** How far the page scrolls sideways, in pixels (0: it fits the window). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    return Math.max(0, w.document.documentElement.scrollWidth - w.innerWidth);
  });
}

/** The text of every element cut off with an ellipsis (a badge, a chip, a cell). */
export function cutOffLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    const cut = new Set<string>();
    for (const element of w.document.querySelectorAll('main *')) {
      const style = w.getComputedStyle(element);
      if (style.textOverflow !== 'ellipsis' || style.overflowX === 'visible') continue;
      if (element.tagName === 'INPUT' || element.getBoundingClientRect().width === 0) continue;
      if (element.scrollWidth > element.clientWidth + 1) cut.add((element.textContent ?? '').trim());
    }
    return [...cut];
  });
}

/**
 * Words (up to 24 letters or digits, between spaces) split over two lines: wrapping long names
 * anywhere must not break ordinary words in squeezed badges, buttons or table cells.
 */
export function splitWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as SplitGlobals;
    const split = new Set<string>();
    const main = w.document.querySelector('main');
    if (!main) return [];
    const walker = w.document.createTreeWalker(main, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const word = match[0];
        if (word.length < 2 || word.length > 24 || !/^[\p{L}\p{N}]+$/u.test(word)) continue;
        const range = w.document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + word.length);
        const lines = new Set(
          Array.from(range.getClientRects())
            .filter((rect) => rect.width > 0)
            .map((rect) => Math.round(rect.top)),
        );
        if (lines.size > 1) split.add(word);
      }
    }
    return [...split];
  });
}

/** Tables wider than the box they sit in (columns pushed out of view), named by their caption. */
export function overflowingTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    const wide: string[] = [];
    for (const table of w.document.querySelectorAll('main table')) {
      let box = table.parentElement;
      while (box && w.getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
      if (!box) continue;
      const width = table.getBoundingClientRect().width;
      if (width > box.clientWidth + 1) {
        const name =
          table.getAttribute('aria-label') ??
          table.closest('section')?.getAttribute('aria-label') ??
          (table.textContent ?? '').slice(0, 60);
        wide.push(`${name} (${Math.round(width)} px in ${box.clientWidth} px)`);
      }
    }
    return wide;
  });
}

/** The labels of the navigation's links that look current (Mantine: `data-active` or `aria-current`). */
export function currentNavigationItems(page: Page): Promise<string[]> {
  return page.locator('#main-navigation').locator('a[data-active], a[aria-current="page"]').allTextContents();
}

/**
 * Every page of the web app as a path template (`/w/$workspace/markets/$marketId`), read from the
 * router's route files, so a new page cannot be forgotten by the tests that visit them all.
 */
export function appRouteTemplates(): string[] {
  const web = path.resolve(import.meta.dirname, '../../web/src');
  const routeDirs = readdirSync(path.join(web, 'routes'));
  const files = [
    path.join(web, 'app/router.tsx'),
    // A folder's routes are in `routes.ts`, or split over `routes-<part>.ts` (the events folder).
    ...routeDirs.flatMap((dir) =>
      statSync(path.join(web, 'routes', dir)).isDirectory()
        ? readdirSync(path.join(web, 'routes', dir))
            .filter((file) => /^routes(-[a-z-]+)?\.ts$/.test(file))
            .map((file) => path.join(web, 'routes', dir, file))
        : [],
    ),
  ];
  const parents: Record<string, string> = { rootRoute: '/', workspaceRoute: '/w/$workspace/' };
  const templates: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/getParentRoute:\s*\(\)\s*=>\s*(\w+),\s*path:\s*'([^']*)'/g)) {
      const [, parent = '', routePath = ''] = match;
      const base = parents[parent];
      if (base === undefined)
        throw new Error(`${file}: a route under ${parent}, which the tests do not know`);
      templates.push(base + routePath.replace(/^\//, ''));
    }
  }
  return templates.sort();
}
