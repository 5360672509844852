import { describe, expect, it } from 'vitest';
import { clientSource } from './client-source.ts';

describe('clientSource', () => {
  it('keeps an IPv4 address', () => {
    expect(clientSource('198.51.100.7')).toBe('198.51.100.7');
    expect(clientSource('127.0.0.1')).toBe('127.0.0.1');
  });

  it('counts every address of one IPv6 /64 as one source, and other /64s apart', () => {
    const first = clientSource('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(first).toBe('2001:db8:1:2::/64');
    expect(clientSource('2001:0db8:0001:0002:0000:0000:0000:0001')).toBe(first);
    expect(clientSource('2001:db8:1:3::1')).not.toBe(first);
    expect(clientSource('::1')).toBe('::/64');
  });

  it('reads an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(clientSource('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });

  it('keeps a string that is no address as it is', () => {
    expect(clientSource('not an address')).toBe('not an address');
    expect(clientSource('')).toBe('');
    expect(clientSource(undefined)).toBe('');
  });
});
