import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../dates.ts';
import {
  convertNetworkOrganisationRow,
  convertNetworkPersonRow,
  NETWORK_ORGANISATION_HEADERS,
  NETWORK_ORGANISATION_IMPORT_FIELDS,
  NETWORK_PERSON_HEADERS,
  NETWORK_PERSON_IMPORT_FIELDS,
  suggestNetworkMapping,
} from './import.ts';
import { websiteDomain } from './website.ts';

const isCountry = (code: string) => ['FR', 'DE', 'JP', 'GR'].includes(code);

describe('suggestNetworkMapping', () => {
  it('maps English, French, Greek and Polish headers, each column once', () => {
    const organisations = suggestNetworkMapping(
      ['Nom', 'Pays', 'Type', 'Site web', 'Tags', 'Cluster'],
      NETWORK_ORGANISATION_IMPORT_FIELDS,
      NETWORK_ORGANISATION_HEADERS,
    );
    expect(organisations).toMatchObject({
      name: 0,
      country: 1,
      type: 2,
      website: 3,
      tags: 4,
      ownerCluster: 5,
    });
    expect(organisations.city).toBeNull();
    const people = suggestNetworkMapping(
      ['Ονοματεπώνυμο', 'E-mail', 'Organizacja', 'Consent basis', 'Consent date', 'Język'],
      NETWORK_PERSON_IMPORT_FIELDS,
      NETWORK_PERSON_HEADERS,
    );
    expect(people).toMatchObject({
      name: 0,
      email: 1,
      organisation: 2,
      consentBasis: 3,
      consentOn: 4,
      language: 5,
      phone: null,
    });
  });
});

describe('convertNetworkOrganisationRow', () => {
  it('takes labels or codes for the type, segments and MELCA, and derives the duplicate keys', () => {
    const { values, errors } = convertNetworkOrganisationRow(
      {
        name: 'Orbit Labs GmbH',
        type: 'Chamber of Commerce',
        country: 'de',
        website: 'www.Orbit-Labs.de/en',
        spaceSegments: 'Earth observation; GNSS',
        tags: 'fair, 2026, fair',
      },
      isCountry,
    );
    expect(errors).toEqual([]);
    expect(values).toMatchObject({
      name: 'Orbit Labs GmbH',
      normalisedName: 'orbit labs',
      type: 'chamber_of_commerce',
      country: 'DE',
      website: 'https://www.Orbit-Labs.de/en',
      websiteDomain: 'orbit-labs.de',
      spaceSegments: ['earth_observation', 'navigation'],
      tags: ['fair', '2026'],
    });
    expect(
      convertNetworkOrganisationRow({ name: 'X', type: 'embassy_or_consulate', country: 'FR' }, isCountry)
        .values?.type,
    ).toBe('embassy_or_consulate');
  });

  it('names every field that is wrong', () => {
    const { values, errors } = convertNetworkOrganisationRow(
      { type: 'startup', country: 'UK', website: 'ftp://x', spaceSegments: 'cooking' },
      isCountry,
    );
    expect(values).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['name', 'type', 'country', 'website', 'spaceSegments']);
    expect(errors[1]?.message).toMatch(/"startup" is not a type: use Cluster, Agency/);
  });
});

describe('convertNetworkPersonRow', () => {
  it('reads a person with consent by label and a lower-cased e-mail', () => {
    const { values, errors } = convertNetworkPersonRow(
      {
        name: 'Ana Ruiz',
        email: 'Ana@Astro.ES',
        language: 'es-ES',
        organisation: 'Astro SL',
        consentBasis: 'Consent given',
        consentOn: '2026-03-01',
      },
      isIsoDate,
    );
    expect(errors).toEqual([]);
    expect(values).toMatchObject({
      name: 'Ana Ruiz',
      email: 'ana@astro.es',
      language: 'es',
      organisation: 'Astro SL',
      consentBasis: 'consent',
      consentOn: '2026-03-01',
    });
  });

  it('refuses consent without its day, an unknown basis, a bad e-mail, language or date', () => {
    expect(convertNetworkPersonRow({ name: 'A', consentBasis: 'consent' }, isIsoDate).errors).toEqual([
      { field: 'consentOn', message: 'is required when the basis is consent (the day it was given)' },
    ]);
    const { errors } = convertNetworkPersonRow(
      { email: 'nope', language: 'French', consentBasis: 'maybe', consentOn: '01/03/2026' },
      isIsoDate,
    );
    expect(errors.map((e) => e.field)).toEqual(['name', 'email', 'language', 'consentBasis', 'consentOn']);
  });
});

describe('websiteDomain', () => {
  it('is the lower-case host without www, null for other schemes', () => {
    expect(websiteDomain('https://WWW.Cnes.fr/x')).toBe('cnes.fr');
    expect(websiteDomain('mailto:a@b')).toBeNull();
    expect(websiteDomain('not a url')).toBeNull();
  });
});
