import { describe, expect, it } from 'vitest';
import { homePathOf, safeReturnPath } from './session.ts';

describe('safeReturnPath', () => {
  it('follows paths on this site, with their search', () => {
    expect(safeReturnPath('/w/demo/clusters?country=FR')).toBe('/w/demo/clusters?country=FR');
    expect(safeReturnPath('/account/tokens')).toBe('/account/tokens');
  });

  it('never leaves the site or loops back to sign-in', () => {
    for (const value of [
      '//evil.example/x',
      'https://evil.example',
      'javascript:alert(1)',
      '',
      '/sign-in?x=1',
      42,
    ]) {
      expect(safeReturnPath(value)).toBeUndefined();
    }
  });
});

describe('homePathOf', () => {
  it('starts in the first workspace, or the catalogue without one', () => {
    const user = { id: 'u', email: 'a@b.example', name: 'A' };
    expect(
      homePathOf({
        user,
        via: 'session',
        language: null,
        csrfToken: 'x',
        operator: false,
        workspaces: [
          {
            slug: 'demo',
            name: 'Demo',
            role: 'viewer',
            clusterId: null,
            organisationId: null,
            status: 'active',
          },
        ],
      }),
    ).toBe('/w/demo/');
    expect(
      homePathOf({ user, via: 'session', language: null, csrfToken: 'x', operator: false, workspaces: [] }),
    ).toBe('/catalogue');
    expect(
      homePathOf({ user, via: 'session', language: null, csrfToken: 'x', operator: true, workspaces: [] }),
    ).toBe('/operator');
  });
});
