/**
 * Small pure helpers of the network pages: language names, the form values of an organisation and
 * a person and what they send. Pure, so they are unit-tested.
 */

import { ISO_639_1_CODES } from '../../../../src/domain/languages/types.ts';
import type { ConsentBasis, NetworkOrganisationType } from '../../../../src/domain/network/types.ts';
import type { MelcaField, SpaceSegment } from '../../../../src/domain/registry/types.ts';
import type { components, paths } from '../../api/schema.d.ts';
import { activeLocale } from '../../app/language.ts';

type Schemas = components['schemas'];
export type NetworkOrganisationDto = Schemas['NetworkOrganisation'];
export type NetworkPersonDto = Schemas['NetworkPerson'];
export type NetworkDuplicatesDto = Schemas['NetworkDuplicates'];
type OrganisationBody = NonNullable<
  paths['/api/v1/workspaces/{workspace}/network/organisations']['post']['requestBody']
>['content']['application/json'];
type PersonBody = NonNullable<
  paths['/api/v1/workspaces/{workspace}/network/people']['post']['requestBody']
>['content']['application/json'];

let languageNames: Intl.DisplayNames | null = null;
/** A language's name in the interface language ("ja" → "Japanese"), or the code when unknown. */
export function languageName(code: string): string {
  try {
    languageNames ??= new Intl.DisplayNames([activeLocale(), 'en'], { type: 'language' });
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every ISO 639-1 language as a select option, by name. */
export function languageOptions(): { value: string; label: string }[] {
  return [...ISO_639_1_CODES]
    .map((code) => ({ value: code, label: languageName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, activeLocale()));
}

export interface OrganisationFormValues {
  name: string;
  type: NetworkOrganisationType | '';
  country: string;
  city: string;
  website: string;
  ownerClusterId: string;
  spaceSegments: SpaceSegment[];
  melca: MelcaField[];
  tags: string[];
  notes: string;
}
export const ORGANISATION_FIELDS = [
  'name',
  'type',
  'country',
  'city',
  'website',
  'ownerClusterId',
  'spaceSegments',
  'melca',
  'tags',
  'notes',
] as const satisfies readonly (keyof OrganisationFormValues)[];
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

export function emptyOrganisationForm(ownerClusterId = ''): OrganisationFormValues {
  return {
    name: '',
    type: '',
    country: '',
    city: '',
    website: '',
    ownerClusterId,
    spaceSegments: [],
    melca: [],
    tags: [],
    notes: '',
  };
}

export function organisationValuesOf(o: NetworkOrganisationDto): OrganisationFormValues {
  return {
    name: o.name,
    type: o.type,
    country: o.country,
    city: o.city ?? '',
    website: o.website ?? '',
    ownerClusterId: o.ownerClusterId ?? '',
    spaceSegments: o.spaceSegments,
    melca: o.melca,
    tags: o.tags,
    notes: o.notes,
  };
}

const isWebAddress = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** The form's own checks (the server checks again), by field: `messages` names the failures. */
export function validateOrganisation(
  values: OrganisationFormValues,
  messages: { required: string; invalidUrl: string },
): Partial<Record<OrganisationField, string>> {
  const errors: Partial<Record<OrganisationField, string>> = {};
  if (!values.name.trim()) errors.name = messages.required;
  if (!values.type) errors.type = messages.required;
  if (!values.country) errors.country = messages.required;
  if (values.website.trim() && !isWebAddress(values.website.trim())) errors.website = messages.invalidUrl;
  return errors;
}

/** The body of a create. */
export function organisationBodyOf(values: OrganisationFormValues): OrganisationBody {
  return {
    name: values.name.trim(),
    type: values.type as NetworkOrganisationType,
    country: values.country,
    city: values.city.trim() || null,
    website: values.website.trim() || null,
    ownerClusterId: values.ownerClusterId || null,
    spaceSegments: values.spaceSegments,
    melca: values.melca,
    tags: values.tags,
    notes: values.notes,
  };
}

export interface PersonFormValues {
  name: string;
  organisationId: string | null;
  roleTitle: string;
  email: string;
  phone: string;
  language: string;
  consentBasis: ConsentBasis | '';
  consentOn: string;
  consentSource: string;
  notes: string;
}
export const PERSON_FIELDS = [
  'name',
  'organisationId',
  'roleTitle',
  'email',
  'phone',
  'language',
  'consentBasis',
  'consentOn',
  'consentSource',
  'notes',
] as const satisfies readonly (keyof PersonFormValues)[];
export type PersonField = (typeof PERSON_FIELDS)[number];

export function emptyPersonForm(organisationId: string | null = null): PersonFormValues {
  return {
    name: '',
    organisationId,
    roleTitle: '',
    email: '',
    phone: '',
    language: '',
    consentBasis: '',
    consentOn: '',
    consentSource: '',
    notes: '',
  };
}

export function personValuesOf(p: NetworkPersonDto): PersonFormValues {
  return {
    name: p.name,
    organisationId: p.organisationId,
    roleTitle: p.roleTitle ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    language: p.language ?? '',
    consentBasis: p.consentBasis ?? '',
    consentOn: p.consentOn ?? '',
    consentSource: p.consentSource ?? '',
    notes: p.notes,
  };
}

export function validatePerson(
  values: PersonFormValues,
  today: string,
  messages: { required: string; invalidEmail: string; futureDate: string },
): Partial<Record<PersonField, string>> {
  const errors: Partial<Record<PersonField, string>> = {};
  if (!values.name.trim()) errors.name = messages.required;
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) {
    errors.email = messages.invalidEmail;
  }
  if (values.consentOn && values.consentOn > today) errors.consentOn = messages.futureDate;
  return errors;
}

export function personBodyOf(values: PersonFormValues): PersonBody {
  return {
    name: values.name.trim(),
    organisationId: values.organisationId,
    roleTitle: values.roleTitle.trim() || null,
    email: values.email.trim() || null,
    phone: values.phone.trim() || null,
    language: values.language || null,
    consentBasis: values.consentBasis || null,
    consentOn: values.consentOn || null,
    consentSource: values.consentSource.trim() || null,
    notes: values.notes,
  };
}
