import { describe, expect, it } from 'vitest';
import type { MembershipDto } from '../../api/types.ts';
import { canChangeOrganisation, canEditOrganisation, canEditPerson } from './permissions.ts';

const membership = (
  role: MembershipDto['role'],
  clusterId: string | null = null,
  organisationId: string | null = null,
): MembershipDto => ({ slug: 'w', name: 'W', role, clusterId, organisationId });

describe('registry permissions', () => {
  it('lets a member edit its own organisation and its people, never delete it', () => {
    const member = membership('member', null, 'own');
    expect(canEditOrganisation(member, { id: 'own', clusterId: 'c' })).toBe(true);
    expect(canEditOrganisation(member, { id: 'other', clusterId: 'c' })).toBe(false);
    expect(canChangeOrganisation(member, { clusterId: 'c' })).toBe(false);
    expect(canEditPerson(member, 'c', 'own')).toBe(true);
    expect(canEditPerson(member, 'c', 'other')).toBe(false);
    expect(canEditPerson(member, null, null)).toBe(false);
  });

  it('gives a member without an organisation, a mentor and a viewer no edits', () => {
    for (const m of [membership('member'), membership('mentor'), membership('viewer')]) {
      expect(canEditOrganisation(m, { id: 'own', clusterId: 'c' })).toBe(false);
      expect(canEditPerson(m, 'c', 'own')).toBe(false);
    }
  });

  it('lets a cluster manager edit in its own cluster only, and a coordinator everywhere', () => {
    expect(canEditOrganisation(membership('cluster_manager', 'c'), { id: 'o', clusterId: 'c' })).toBe(true);
    expect(canEditOrganisation(membership('cluster_manager', 'c'), { id: 'o', clusterId: 'd' })).toBe(false);
    expect(canEditPerson(membership('coordinator'), null, null)).toBe(true);
  });
});
