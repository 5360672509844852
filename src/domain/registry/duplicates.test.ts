import { describe, expect, it } from 'vitest';
import {
  findDuplicateOrganisations,
  normaliseOrganisationName,
  normaliseRegistrationId,
} from './duplicates.ts';

describe('normaliseOrganisationName', () => {
  it.each([
    ['Orbitech', 'orbitech'],
    ['  ORBITECH  ', 'orbitech'],
    ['Órbita Ingeniería, S.L.', 'orbita ingenieria'],
    ['Órbita Ingeniería SL', 'orbita ingenieria'],
    ['Space-Tech GmbH & Co. KG', 'space tech'],
    ['Space Tech GmbH', 'space tech'],
    ['Astro Systems Ltd.', 'astro systems'],
    ['Astro Systems Limited', 'astro systems'],
    ['Satélites del Sur S.A.', 'satelites del sur'],
    ['Zakład Orbitalny Sp. z o.o.', 'zaklad orbitalny'],
    ['Ellinikí Diastimikí A.E.', 'elliniki diastimiki'],
    ['Telespazio S.p.A.', 'telespazio'],
    ['Straße Raumfahrt AG', 'strasse raumfahrt'],
    ["L'Orbite S.A.S.", 'lorbite'],
    ['SA', 'sa'],
    ['Sa Space SA', 'sa space'],
    ['Atlas', 'atlas'],
  ])('%s → %s', (name, expected) => {
    expect(normaliseOrganisationName(name)).toBe(expected);
  });

  it('keeps a legal-form word inside the name', () => {
    expect(normaliseOrganisationName('Ltd Orbit Works')).toBe('ltd orbit works');
  });
});

describe('normaliseRegistrationId', () => {
  it('ignores spaces, dots, dashes and case', () => {
    expect(normaliseRegistrationId('be 0123.456-789')).toBe('BE0123456789');
  });
});

describe('findDuplicateOrganisations', () => {
  const existing = [
    { id: 'o1', name: 'Orbitech, S.L.', country: 'ES', registrationId: 'ESB12345678' },
    { id: 'o2', name: 'Orbitech', country: 'FR', registrationId: null },
    { id: 'o3', name: 'Gamma Sat', country: 'IT', registrationId: 'IT 0987654321' },
  ];

  it('finds the same normalised name in the same country', () => {
    const found = findDuplicateOrganisations({ name: 'ORBITECH SL', country: 'ES' }, existing);
    expect(found).toEqual([{ existing: existing[0], reason: 'name_and_country' }]);
  });

  it('does not match the same name in another country', () => {
    expect(findDuplicateOrganisations({ name: 'Orbitech', country: 'BE' }, existing)).toEqual([]);
  });

  it('finds the same registration id whatever the name and country', () => {
    const found = findDuplicateOrganisations(
      { name: 'Totally Different', country: 'PL', registrationId: 'it0987654321' },
      existing,
    );
    expect(found).toEqual([{ existing: existing[2], reason: 'registration_id' }]);
  });

  it('reports registration-id matches first, each existing organisation once', () => {
    const found = findDuplicateOrganisations(
      { name: 'Orbitech', country: 'FR', registrationId: 'ESB12345678' },
      existing,
    );
    expect(found.map((d) => [d.existing.id, d.reason])).toEqual([
      ['o1', 'registration_id'],
      ['o2', 'name_and_country'],
    ]);
  });

  it('finds nothing in an empty registry', () => {
    expect(findDuplicateOrganisations({ name: 'Orbitech', country: 'ES' }, [])).toEqual([]);
  });
});
