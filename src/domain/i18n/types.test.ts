import { describe, expect, it } from 'vitest';
import { isLanguage, preferredLanguage } from './types.ts';

describe('preferredLanguage', () => {
  it('takes the first supported primary subtag', () => {
    expect(preferredLanguage(['de-DE', 'pl-PL', 'en'])).toBe('pl');
    expect(preferredLanguage(['fr-BE'])).toBe('fr');
    expect(preferredLanguage(['EL'])).toBe('el');
  });
  it('falls back to English', () => {
    expect(preferredLanguage([])).toBe('en');
    expect(preferredLanguage(['de', 'zh-CN'])).toBe('en');
  });
});

describe('isLanguage', () => {
  it('accepts only the six languages', () => {
    expect(isLanguage('it')).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isLanguage(3)).toBe(false);
  });
});
