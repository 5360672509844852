import { describe, expect, it } from 'vitest';
import { applyMessages, languageFiles } from './language.ts';

describe('applyMessages', () => {
  it('should fill nested objects in place, so module-scope references see the translation', () => {
    const tree = { app: { name: 'Hub', title: (page: string) => `${page} · Hub` }, nav: { home: 'Home' } };
    const kept = tree.nav;
    applyMessages(tree, { app: { title: (page: string) => `${page} — Hub` }, nav: { home: 'Accueil' } });
    expect(kept.home).toBe('Accueil');
    expect(tree.nav).toBe(kept);
    expect(tree.app.name).toBe('Hub');
    expect(tree.app.title('Plan')).toBe('Plan — Hub');
  });
});

describe('languageFiles', () => {
  it('should list the translations that have a message module, loaded lazily', () => {
    expect(languageFiles()).toContain('fr');
    expect(languageFiles()).not.toContain('en');
  });
});
