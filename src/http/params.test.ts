import { describe, expect, it } from 'vitest';
import { countryCode, isoDate } from './params.ts';

describe('shared request parameters', () => {
  it('refuses dates outside 1900–2199 and says why', () => {
    const result = isoDate.safeParse('2500-01-01');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('between 1900 and 2199');
    expect(isoDate.safeParse('01/02/2025').error?.issues[0]?.message).toContain('YYYY-MM-DD');
  });

  it('takes ISO 3166-1 alpha-2 country codes only', () => {
    expect(countryCode.safeParse('BE').success).toBe(true);
    expect(countryCode.safeParse('ZZ').success).toBe(false);
    expect(countryCode.safeParse('Belgium').error?.issues[0]?.message).toContain('ISO 3166-1 alpha-2');
  });
});
