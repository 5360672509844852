import { describe, expect, it } from 'vitest';
import { findDuplicateOrganisations } from '../../domain/registry/duplicates.ts';
import { createOrganisationBody } from '../organisations/schema.ts';
import { demoRegistry } from './demo-registry.ts';

const clusters = [
  { short_name: 'BSN', country: 'BE', city: 'Leuven' },
  { short_name: 'OVS', country: 'FR', city: 'Toulouse' },
  { short_name: 'VOC', country: 'PL', city: 'Warsaw' },
];

describe('demoRegistry', () => {
  it('is the same on every call (fixed seed)', () => {
    expect(demoRegistry(clusters, 'now')).toEqual(demoRegistry(clusters, 'now'));
  });

  it('spreads 60 organisations over the clusters without duplicates, and 80 people with unique e-mails', () => {
    const { organisations, people } = demoRegistry(clusters, 'now');
    expect(organisations).toHaveLength(60);
    expect(new Set(organisations.map((o) => o.clusterShortName))).toEqual(new Set(['BSN', 'OVS', 'VOC']));
    organisations.forEach((o, i) => {
      const others = organisations
        .filter((_, j) => j !== i)
        .map((x) => ({
          name: x.values.name,
          country: x.values.country,
          registrationId: x.values.registration_id,
        }));
      expect(findDuplicateOrganisations({ name: o.values.name, country: o.values.country }, others)).toEqual(
        [],
      );
    });
    expect(people).toHaveLength(80);
    expect(new Set(people.map((p) => p.values.email)).size).toBe(80);
    expect(people.every((p) => p.values.email?.endsWith('.example'))).toBe(true);
  });

  it('produces organisations the API itself would accept', () => {
    for (const { values } of demoRegistry(clusters, 'now').organisations) {
      const result = createOrganisationBody.safeParse({
        clusterId: 'c',
        name: values.name,
        type: values.type,
        size: values.size,
        country: values.country,
        city: values.city,
        website: values.website,
        registrationId: values.registration_id,
        spaceSegments: JSON.parse(values.space_segments),
        melca: JSON.parse(values.melca),
        offers: values.offers,
        offerTags: JSON.parse(values.offer_tags),
        requests: values.requests,
        requestTags: JSON.parse(values.request_tags),
        targetMarketInterests: JSON.parse(values.target_market_interests),
        exportExperience: values.export_experience,
      });
      expect(result.error?.issues ?? [], values.name).toEqual([]);
    }
  });
});
