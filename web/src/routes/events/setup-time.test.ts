import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './setup-time.ts';

describe('event set-up times', () => {
  it('shows an instant in the event time zone and reads it back', () => {
    expect(toLocalInput('2026-03-10T08:00:00.000Z', 'Europe/Brussels')).toBe('2026-03-10T09:00');
    expect(toLocalInput('2026-07-10T23:30:00.000Z', 'Asia/Tokyo')).toBe('2026-07-11T08:30');
    expect(fromLocalInput('2026-03-10T09:00', 'Europe/Brussels')).toBe('2026-03-10T08:00:00.000Z');
    expect(fromLocalInput('2026-07-11T08:30', 'Asia/Tokyo')).toBe('2026-07-10T23:30:00.000Z');
  });

  it('leaves empty and malformed values out', () => {
    expect(toLocalInput(null, 'Europe/Brussels')).toBe('');
    expect(fromLocalInput('', 'Europe/Brussels')).toBeNull();
    expect(fromLocalInput('10/03/2026 09:00', 'Europe/Brussels')).toBeNull();
  });
});
