import { describe, expect, it } from 'vitest';
import { mayBeMailed } from './consent.ts';

const consenting = {
  email: 'ana@astro.es',
  consentBasis: 'consent',
  consentOn: '2026-03-01',
  erasedAt: null,
} as const;

describe('mayBeMailed', () => {
  it('allows a person who consented on a day, is not erased and has an e-mail', () => {
    expect(mayBeMailed(consenting)).toBe(true);
  });

  it('refuses other bases: legitimate interest and contract hold data, they do not allow mailings', () => {
    expect(mayBeMailed({ ...consenting, consentBasis: 'legitimate_interest' })).toBe(false);
    expect(mayBeMailed({ ...consenting, consentBasis: 'contract' })).toBe(false);
    expect(mayBeMailed({ ...consenting, consentBasis: null })).toBe(false);
  });

  it('refuses consent without a day (or with something that is not a day)', () => {
    expect(mayBeMailed({ ...consenting, consentOn: null })).toBe(false);
    expect(mayBeMailed({ ...consenting, consentOn: 'yesterday' })).toBe(false);
  });

  it('refuses an erased person and a person without e-mail', () => {
    expect(mayBeMailed({ ...consenting, erasedAt: '2026-12-07T10:00:00.000Z' })).toBe(false);
    expect(mayBeMailed({ ...consenting, email: null })).toBe(false);
    expect(mayBeMailed({ ...consenting, email: '  ' })).toBe(false);
  });
});
