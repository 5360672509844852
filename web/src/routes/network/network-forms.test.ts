import { describe, expect, it } from 'vitest';
import {
  emptyOrganisationForm,
  emptyPersonForm,
  organisationBodyOf,
  personBodyOf,
  validateOrganisation,
  validatePerson,
} from './parts.ts';
import {
  organisationsApiQuery,
  parseNetworkOrganisationsSearch,
  parseNetworkPeopleSearch,
} from './search-params.ts';

const texts = { required: 'Required', invalidUrl: 'URL', invalidEmail: 'E-mail', futureDate: 'Future' };

describe('the network organisation form', () => {
  it('requires a name, a type and a country, and a web address when a website is given', () => {
    expect(validateOrganisation(emptyOrganisationForm(), texts)).toEqual({
      name: 'Required',
      type: 'Required',
      country: 'Required',
    });
    const filled = { ...emptyOrganisationForm(), name: 'A', type: 'agency' as const, country: 'JP' };
    expect(validateOrganisation({ ...filled, website: 'www.example.com' }, texts)).toEqual({
      website: 'URL',
    });
    expect(validateOrganisation({ ...filled, website: 'https://example.com' }, texts)).toEqual({});
  });

  it('sends empty optional fields as null and no owner cluster as the coordinators’', () => {
    const body = organisationBodyOf({
      ...emptyOrganisationForm(),
      name: '  Kiso  ',
      type: 'company',
      country: 'JP',
    });
    expect(body).toMatchObject({ name: 'Kiso', city: null, website: null, ownerClusterId: null, tags: [] });
  });
});

describe('the network person form', () => {
  it('refuses a malformed e-mail and a consent dated after today', () => {
    const values = { ...emptyPersonForm(), name: 'Ana', email: 'ana@', consentOn: '2026-12-08' };
    expect(validatePerson(values, '2026-12-07', texts)).toEqual({ email: 'E-mail', consentOn: 'Future' });
    expect(
      validatePerson({ ...values, email: 'ana@x.example', consentOn: '2026-12-07' }, '2026-12-07', texts),
    ).toEqual({});
  });

  it('sends no basis as null', () => {
    expect(personBodyOf({ ...emptyPersonForm('org'), name: 'Ana' })).toMatchObject({
      organisationId: 'org',
      consentBasis: null,
      consentOn: null,
      language: null,
    });
  });
});

describe('the network lists in the address', () => {
  it('keeps known filters and drops the rest', () => {
    expect(
      parseNetworkOrganisationsSearch({
        q: 'kiso',
        type: 'embassy_or_consulate',
        country: 'jp',
        segment: 'x',
        sort: '-name',
        extra: 1,
      }),
    ).toEqual({ q: 'kiso', type: 'embassy_or_consulate', sort: '-name' });
    expect(parseNetworkPeopleSearch({ language: 'fr', country: 'CL', sort: 'email' })).toEqual({
      language: 'fr',
      country: 'CL',
    });
  });

  it('asks the API for a page after the cursor', () => {
    expect(organisationsApiQuery({ q: ' kiso ', tag: 'fair' }, 'abc')).toEqual({
      q: 'kiso',
      tag: 'fair',
      limit: 50,
      cursor: 'abc',
    });
  });
});
