import { z } from 'zod';
import { todayIso } from '../../domain/dates.ts';
import { isIso639_1 } from '../../domain/network/languages.ts';
import { CONSENT_BASES, NETWORK_ORGANISATION_TYPES } from '../../domain/network/types.ts';
import { MELCA_FIELDS, SPACE_SEGMENTS } from '../../domain/registry/types.ts';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { countryCode, isoDate, versionField, versionQueryField } from '../../http/params.ts';
import { NETWORK_ORGANISATION_SORT_KEYS, NETWORK_PERSON_SORT_KEYS } from './repository.ts';

/** A list of distinct values, each at most once. */
const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'must not repeat a value');

const id = z.string().min(1).max(100);

export const networkOrganisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(NETWORK_ORGANISATION_TYPES),
    country: z.string().describe('ISO 3166-1 alpha-2'),
    city: z.string().nullable(),
    website: z.string().nullable(),
    ownerClusterId: z
      .string()
      .nullable()
      .describe("The cluster that looks after it; null: the coordinators'"),
    spaceSegments: z.array(z.enum(SPACE_SEGMENTS)),
    melca: z.array(z.enum(MELCA_FIELDS)).describe('Cross-sector fields (MELCA)'),
    tags: z.array(z.string()),
    notes: z.string(),
    peopleCount: z.number().int().describe('People recorded for this organisation'),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'NetworkOrganisation' });

export const networkPersonSchema = z
  .object({
    id: z.string(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    name: z.string(),
    roleTitle: z.string().nullable(),
    email: z.string().nullable().describe('Lower-cased'),
    phone: z.string().nullable(),
    language: z.string().nullable().describe('ISO 639-1'),
    consentBasis: z.enum(CONSENT_BASES).nullable().describe('null: no basis recorded (no mailing)'),
    consentOn: z.string().nullable().describe('YYYY-MM-DD'),
    consentSource: z.string().nullable(),
    notes: z.string(),
    erased: z.boolean().describe('Erased (GDPR): anonymised, kept for the counts'),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'NetworkPerson' });

const tags = uniqueList(z.string().trim().min(1).max(40), 20).describe(
  'At most 20 tags of at most 40 characters',
);

const organisationFields = {
  name: z.string().trim().min(1).max(200),
  type: z.enum(NETWORK_ORGANISATION_TYPES),
  country: countryCode,
  city: z.string().trim().min(1).max(100).nullable(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  ownerClusterId: id.nullable().describe("A cluster of the workspace; null: the coordinators'"),
  spaceSegments: uniqueList(z.enum(SPACE_SEGMENTS), SPACE_SEGMENTS.length),
  melca: uniqueList(z.enum(MELCA_FIELDS), MELCA_FIELDS.length),
  tags,
  notes: z.string().max(4000),
};

export const createNetworkOrganisationBody = z.strictObject({
  ...organisationFields,
  city: organisationFields.city.default(null),
  website: organisationFields.website.default(null),
  ownerClusterId: organisationFields.ownerClusterId.default(null),
  spaceSegments: organisationFields.spaceSegments.default([]),
  melca: organisationFields.melca.default([]),
  tags: organisationFields.tags.default([]),
  notes: organisationFields.notes.default(''),
});
export const updateNetworkOrganisationBody = z.strictObject({
  version: versionField,
  ...Object.fromEntries(Object.entries(organisationFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof versionField } & {
  [K in keyof typeof organisationFields]: z.ZodOptional<(typeof organisationFields)[K]>;
});

/** A day no later than today (a consent cannot be given tomorrow). */
const pastDay = isoDate.refine((day) => day <= todayIso(), 'must not be in the future');

const personFields = {
  organisationId: id.nullable(),
  name: z.string().trim().min(1).max(200),
  roleTitle: z.string().trim().min(1).max(200).nullable(),
  email: z.email().max(254).nullable().describe('Stored lower-cased; unique in the workspace'),
  phone: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^\+?[0-9 ().\-/]+$/, 'may hold only digits, spaces, + ( ) . - /')
    .nullable(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, { message: 'must be an ISO 639-1 code in lower case, e.g. "fr"', abort: true })
    .refine(isIso639_1, 'is not an ISO 639-1 language code')
    .nullable(),
  consentBasis: z.enum(CONSENT_BASES).nullable(),
  consentOn: pastDay.nullable(),
  consentSource: z.string().trim().min(1).max(300).nullable(),
  notes: z.string().max(4000),
};

export const createNetworkPersonBody = z.strictObject({
  ...personFields,
  organisationId: personFields.organisationId.default(null),
  roleTitle: personFields.roleTitle.default(null),
  email: personFields.email.default(null),
  phone: personFields.phone.default(null),
  language: personFields.language.default(null),
  consentBasis: personFields.consentBasis.default(null),
  consentOn: personFields.consentOn.default(null),
  consentSource: personFields.consentSource.default(null),
  notes: personFields.notes.default(''),
});
export const updateNetworkPersonBody = z.strictObject({
  version: versionField,
  ...Object.fromEntries(Object.entries(personFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof versionField } & {
  [K in keyof typeof personFields]: z.ZodOptional<(typeof personFields)[K]>;
});

export const networkRecordParams = z.object({ workspace: z.string().min(1).max(100), id });
export const deleteNetworkRecordQuery = z.object({ version: versionQueryField });
export const mergeBody = z.strictObject({
  intoId: id.describe('The record that stays'),
  version: versionField.describe('The version of the record merged away (the one in the path)'),
});

export const listNetworkOrganisationsQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Search in the name (accents, case and legal form ignored)'),
  country: countryCode.optional(),
  type: z.enum(NETWORK_ORGANISATION_TYPES).optional(),
  segment: z.enum(SPACE_SEGMENTS).optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  ownerClusterId: id.optional().describe('Id of the owner cluster'),
  sort: sortField(NETWORK_ORGANISATION_SORT_KEYS, 'name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});

export const listNetworkPeopleQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Search in the name and e-mail'),
  organisationId: id.optional(),
  country: countryCode.optional().describe("The organisation's country"),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code in lower case')
    .optional(),
  sort: sortField(NETWORK_PERSON_SORT_KEYS, 'name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});

export const duplicatesQuery = z.object({
  name: z.string().trim().max(200).optional(),
  country: countryCode.optional(),
  website: z.string().trim().max(500).optional(),
  email: z.string().trim().max(254).optional().describe("A person's e-mail"),
  excludeId: id.optional().describe('The record being edited (not its own duplicate)'),
});

export const networkOrganisationListSchema = z
  .object({ items: z.array(networkOrganisationSchema), nextCursor: z.string().nullable(), total: totalField })
  .meta({ id: 'NetworkOrganisationList' });
export const networkPersonListSchema = z
  .object({ items: z.array(networkPersonSchema), nextCursor: z.string().nullable(), total: totalField })
  .meta({ id: 'NetworkPersonList' });

export const networkDuplicatesSchema = z
  .object({
    organisations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        country: z.string(),
        website: z.string().nullable(),
        reason: z
          .enum(['name_and_country', 'website_domain'])
          .describe('name_and_country: refused on save; website_domain: a warning'),
      }),
    ),
    people: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        email: z.string().nullable(),
        organisationName: z.string().nullable(),
        reason: z.enum(['email']).describe('The e-mail is taken: refused on save'),
      }),
    ),
  })
  .meta({ id: 'NetworkDuplicates' });

export type NetworkOrganisationDto = z.infer<typeof networkOrganisationSchema>;
export type NetworkPersonDto = z.infer<typeof networkPersonSchema>;
export type CreateNetworkOrganisationInput = z.infer<typeof createNetworkOrganisationBody>;
export type UpdateNetworkOrganisationInput = z.infer<typeof updateNetworkOrganisationBody>;
export type CreateNetworkPersonInput = z.infer<typeof createNetworkPersonBody>;
export type UpdateNetworkPersonInput = z.infer<typeof updateNetworkPersonBody>;
export type ListNetworkOrganisationsQuery = z.infer<typeof listNetworkOrganisationsQuery>;
export type ListNetworkPeopleQuery = z.infer<typeof listNetworkPeopleQuery>;
export type DuplicatesQuery = z.infer<typeof duplicatesQuery>;
export type NetworkDuplicatesDto = z.infer<typeof networkDuplicatesSchema>;
