import { describe, expect, it } from 'vitest';
import type { OrganisationDto } from '../../api/types.ts';
import {
  emptyMemberForm,
  type MemberFormValues,
  memberBodyOf,
  memberPatchOf,
  memberValuesOf,
  validateMember,
} from './member-form.ts';

const valid: MemberFormValues = {
  ...emptyMemberForm('c1'),
  name: 'Orbital Optics SA',
  country: 'BE',
};

const organisation: OrganisationDto = {
  id: 'o1',
  clusterId: 'c1',
  name: 'Orbital Optics SA',
  type: 'sme',
  size: 'small',
  country: 'BE',
  city: 'Leuven',
  website: null,
  registrationId: 'BE0123456789',
  spaceSegments: ['earth_observation'],
  melca: [],
  offers: 'Hyperspectral cameras',
  offerTags: ['optics'],
  requests: '',
  requestTags: [],
  targetMarketInterests: ['CA'],
  exportExperience: 'occasional',
  version: 4,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('validateMember mirrors the server’s rules', () => {
  it('accepts the fewest fields the server needs', () => {
    expect(validateMember(valid)).toEqual({});
  });

  it('names the missing name, cluster and country', () => {
    expect(Object.keys(validateMember({ ...valid, name: ' ', clusterId: '', country: '' })).sort()).toEqual([
      'clusterId',
      'country',
      'name',
    ]);
  });

  it('refuses unknown countries, non-web addresses, odd registration ids and too many tags', () => {
    const errors = validateMember({
      ...valid,
      country: 'XX',
      website: 'ftp://example.org',
      registrationId: '#12',
      offerTags: Array.from({ length: 21 }, (_, i) => `tag${i}`),
      requestTags: ['x'.repeat(41)],
    });
    expect(Object.keys(errors).sort()).toEqual([
      'country',
      'offerTags',
      'registrationId',
      'requestTags',
      'website',
    ]);
  });
});

describe('request bodies', () => {
  it('sends empty optional fields as null and tags trimmed, each once', () => {
    expect(memberBodyOf({ ...valid, offerTags: [' optics ', 'optics', ''], city: ' ' })).toEqual({
      name: 'Orbital Optics SA',
      clusterId: 'c1',
      type: 'sme',
      size: null,
      country: 'BE',
      city: null,
      website: null,
      registrationId: null,
      spaceSegments: [],
      melca: [],
      offers: '',
      offerTags: ['optics'],
      requests: '',
      requestTags: [],
      targetMarketInterests: [],
      exportExperience: 'none',
    });
  });

  it('sends only the changed fields, lists included, with the version read', () => {
    const values = memberValuesOf(organisation);
    expect(memberPatchOf(organisation, values)).toEqual({ version: 4 });
    expect(
      memberPatchOf(organisation, {
        ...values,
        city: 'Brussels',
        spaceSegments: ['earth_observation', 'satcom'],
        size: '',
        targetMarketInterests: ['CA'],
      }),
    ).toEqual({ version: 4, city: 'Brussels', spaceSegments: ['earth_observation', 'satcom'], size: null });
  });
});
