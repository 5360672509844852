import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Mantine's Drawer and Modal draw a close button with no accessible name unless given one: a screen
 * reader announces "button" and nothing more (axe's "button-name", found on the new-wave drawer).
 * Every one in the web app names it (`closeButtonProps` with an `aria-label`) or has none.
 */

const WEB_SRC = path.resolve(import.meta.dirname, '../../web/src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

describe('dialogs of the web app', () => {
  it('name their close button', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(WEB_SRC)) {
      const text = readFileSync(file, 'utf8');
      // Each <Drawer …> or <Modal …> opening tag, up to its closing `>` (props hold no bare `>`
      // but arrow functions: skip `=>`).
      for (const match of text.matchAll(/<(Drawer|Modal)\s((?:=>|[^>])*)>/g)) {
        const props = match[2] ?? '';
        if (/closeButtonProps=\{\{[^}]*'aria-label'/.test(props) || /withCloseButton=\{false\}/.test(props))
          continue;
        const line = text.slice(0, match.index).split('\n').length;
        offenders.push(`${path.relative(WEB_SRC, file)}:${line}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
