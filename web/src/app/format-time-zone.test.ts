import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Dates west of Greenwich (issue 18): a date-only value ("2027-04-12") is a calendar date, the
 * same day wherever the reader is; a timestamp is an instant, shown on the reader's own day.
 * The time zone is set before the module (and its formatters) load, in this test file's own
 * process.
 */
process.env.TZ = 'America/New_York';
let format: typeof import('./format.ts');

beforeAll(async () => {
  format = await import('./format.ts');
});

describe('formatDate in New York', () => {
  it('runs in New York time (midnight UTC is the evening before)', () => {
    expect(new Date('2027-04-12T00:00:00Z').getDate()).toBe(11);
  });

  it('shows a date-only value on its own day', () => {
    const shown = format.formatDate('2027-04-12');
    expect(shown).toMatch(/\b12\b/);
    expect(shown).not.toMatch(/\b11\b/);
    expect(shown).toMatch(/2027/);
  });

  it('shows the first of a month and of a year on that day, not in the month or year before', () => {
    expect(format.formatDate('2027-01-01')).toMatch(/2027/);
    expect(format.formatDate('2027-01-01')).not.toMatch(/\b31\b/);
  });

  it('shows an activity’s period on its own days', async () => {
    const { periodText } = await import('../components/period-text.ts');
    const shown = periodText('2027-03-01', '2027-03-03');
    expect(shown).toMatch(/\b1\b.*\b3\b/);
    expect(shown).not.toMatch(/\b28\b/);
  });

  it('shows a timestamp on the reader’s day', () => {
    // 02:00 UTC on 12 April is 22:00 on 11 April in New York.
    const shown = format.formatDate('2027-04-12T02:00:00.000Z');
    expect(shown).toMatch(/\b11\b/);
  });

  it('leaves a text that is not a date as it is', () => {
    expect(format.formatDate('soon')).toBe('soon');
    expect(format.formatDate('2027-02-30')).toBe('2027-02-30');
  });
});
