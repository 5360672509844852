import { describe, expect, it } from 'vitest';
import { fiscalYear, logoTypeOf, slugProblem, suggestSlug, todayIn } from './rules.ts';

describe('workspace rules', () => {
  it('accepts good slugs and names the problem of bad ones', () => {
    expect(slugProblem('orbit-alliance')).toBeNull();
    expect(slugProblem('a1b')).toBeNull();
    expect(slugProblem('ab')).toMatch(/3 to 40/);
    expect(slugProblem('x'.repeat(41))).toMatch(/3 to 40/);
    expect(slugProblem('Orbit')).toMatch(/lower-case/);
    expect(slugProblem('1abc')).toMatch(/starting with a letter/);
    expect(slugProblem('abc-')).toMatch(/hyphen/);
    expect(slugProblem('ab--c')).toMatch(/single hyphens/);
    expect(slugProblem('orbit_alliance')).toMatch(/lower-case/);
    expect(slugProblem('setup')).toMatch(/reserved/);
    expect(slugProblem('operator')).toMatch(/reserved/);
    expect(slugProblem('api')).toMatch(/reserved/);
  });

  it('suggests a usable slug from a name', () => {
    expect(suggestSlug('Orbit Alliance – Région Sud')).toBe('orbit-alliance-region-sud');
    expect(suggestSlug('  42 Space Ξ Cluster ')).toBe('space-cluster');
    expect(suggestSlug('Setup')).toBe('setup-consortium');
    expect(slugProblem(suggestSlug('A very long consortium name that goes on and on and on'))).toBeNull();
  });

  it('knows PNG, JPEG and WebP by their bytes, and nothing else', () => {
    expect(logoTypeOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(logoTypeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(logoTypeOf(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(logoTypeOf(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(logoTypeOf(new Uint8Array())).toBeNull();
  });

  it('reads today in a time zone and the fiscal year around it', () => {
    const now = new Date('2026-12-31T12:00:00Z');
    expect(todayIn('UTC', now)).toBe('2026-12-31');
    expect(todayIn('Pacific/Kiritimati', now)).toBe('2027-01-01');
    expect(fiscalYear('2026-03-10', 4)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(fiscalYear('2026-04-01', 4)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(fiscalYear('2026-03-10', 1)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(fiscalYear('2028-02-10', 3)).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });
});
