import { describe, expect, it } from 'vitest';
import { appLinksIn, EMPTY_INVITE_FORM, inviteBodyOf, validateInvite } from './invite-form.ts';

const valid = { ...EMPTY_INVITE_FORM, name: 'Nina Newcomer', email: 'nina@example.org' };

describe('validateInvite', () => {
  it('accepts a member without an organisation', () => {
    expect(validateInvite(valid)).toEqual({});
  });

  it('requires a name, a valid e-mail and, for a cluster manager, a cluster', () => {
    expect(Object.keys(validateInvite({ ...valid, name: ' ', email: 'nina' })).sort()).toEqual([
      'email',
      'name',
    ]);
    expect(validateInvite({ ...valid, role: 'cluster_manager' }).clusterId).toBe('is required');
    expect(validateInvite({ ...valid, role: 'cluster_manager', clusterId: 'c1' })).toEqual({});
  });
});

describe('inviteBodyOf', () => {
  it('sends only the scope the role takes', () => {
    const chosen = { ...valid, clusterId: 'c1', organisationId: 'o1' };
    expect(inviteBodyOf({ ...chosen, role: 'cluster_manager' })).toMatchObject({
      clusterId: 'c1',
      organisationId: null,
    });
    expect(inviteBodyOf({ ...chosen, role: 'member' })).toMatchObject({
      clusterId: null,
      organisationId: 'o1',
    });
    expect(inviteBodyOf({ ...chosen, role: 'viewer' })).toMatchObject({
      clusterId: null,
      organisationId: null,
    });
    expect(inviteBodyOf({ ...valid, email: ' nina@example.org ' }).email).toBe('nina@example.org');
  });
});

describe('appLinksIn', () => {
  it('finds invitation and reset links as in-app paths, once each', () => {
    const text =
      'Open this link:\n\nhttp://localhost:3000/accept-invitation?token=abc_123\n\n' +
      'again http://localhost:3000/accept-invitation?token=abc_123 and https://hub.example/reset-password?token=x%2Fy ' +
      'but not https://example.org/elsewhere';
    expect(appLinksIn(text)).toEqual(['/accept-invitation?token=abc_123', '/reset-password?token=x%2Fy']);
  });
});
