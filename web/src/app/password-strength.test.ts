import { describe, expect, it } from 'vitest';
import { passwordStrength } from './password-strength.ts';

describe('passwordStrength', () => {
  it('calls anything under 12 characters too short, counting characters not bytes', () => {
    expect(passwordStrength('')).toEqual({ level: 'tooShort', length: 0 });
    expect(passwordStrength('abcdefghijk')).toEqual({ level: 'tooShort', length: 11 });
    expect(passwordStrength('ééééééééééé').level).toBe('tooShort');
  });

  it('calls repeated or one-kind passwords weak', () => {
    expect(passwordStrength('aaaaaaaaaaaa').level).toBe('weak');
    expect(passwordStrength('111122223333').level).toBe('weak');
    expect(passwordStrength('abcdefghijkl').level).toBe('weak');
  });

  it('calls mixed passwords fair and long or varied ones strong', () => {
    expect(passwordStrength('orbit2026launch').level).toBe('fair');
    expect(passwordStrength('Orbit-2026-Launch').level).toBe('strong');
    expect(passwordStrength('correct horse battery staple').level).toBe('strong');
  });
});
