import { z } from 'zod';
import {
  EXPORT_EXPERIENCE,
  MELCA_FIELDS,
  ORGANISATION_SIZES,
  ORGANISATION_TYPES,
  SPACE_SEGMENTS,
} from '../../domain/registry/types.ts';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { countryCode, versionField, versionQueryField } from '../../http/params.ts';
import { ORGANISATION_SORT_KEYS } from './repository.ts';

/** The registry's vocabularies live in the domain, with their labels (one list for server and web). */
export {
  EXPORT_EXPERIENCE,
  MELCA_FIELDS,
  type MelcaField,
  ORGANISATION_SIZES,
  ORGANISATION_TYPES,
  SPACE_SEGMENTS,
  type SpaceSegment,
} from '../../domain/registry/types.ts';

export const organisationSchema = z
  .object({
    id: z.string(),
    clusterId: z.string(),
    name: z.string(),
    type: z.enum(ORGANISATION_TYPES),
    size: z.enum(ORGANISATION_SIZES).nullable(),
    country: z.string().describe('ISO 3166-1 alpha-2'),
    city: z.string().nullable(),
    website: z.string().nullable(),
    registrationId: z.string().nullable().describe('VAT or registration number'),
    spaceSegments: z.array(z.enum(SPACE_SEGMENTS)),
    melca: z.array(z.enum(MELCA_FIELDS)).describe('Cross-sector fields (MELCA)'),
    offers: z.string(),
    offerTags: z.array(z.string()),
    requests: z.string(),
    requestTags: z.array(z.string()),
    targetMarketInterests: z.array(z.string()).describe('ISO 3166-1 alpha-2 codes'),
    exportExperience: z.enum(EXPORT_EXPERIENCE),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organisation' });

export const organisationDetailSchema = organisationSchema
  .extend({ peopleCount: z.number().int().describe('People recorded for this organisation') })
  .meta({ id: 'OrganisationDetail' });

/** A list of distinct values of a fixed vocabulary (or free tags), each at most once. */
const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'must not repeat a value');

const tags = uniqueList(z.string().trim().min(1).max(40), 20).describe(
  'At most 20 tags of at most 40 characters',
);

const fields = {
  clusterId: z.string().min(1).max(100).describe('The partner cluster the organisation is a member of'),
  name: z.string().trim().min(1).max(200),
  type: z.enum(ORGANISATION_TYPES),
  size: z.enum(ORGANISATION_SIZES).nullable(),
  country: countryCode,
  city: z.string().trim().min(1).max(100).nullable(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  registrationId: z
    .string()
    .trim()
    .min(2)
    .max(50)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9 .\-/]*$/,
      'may hold only letters, digits, spaces, dots, dashes and slashes',
    )
    .nullable()
    .describe('VAT or registration number; unique in the workspace'),
  spaceSegments: uniqueList(z.enum(SPACE_SEGMENTS), SPACE_SEGMENTS.length),
  melca: uniqueList(z.enum(MELCA_FIELDS), MELCA_FIELDS.length),
  offers: z.string().max(4000).describe('What the organisation offers, free text'),
  offerTags: tags,
  requests: z.string().max(4000).describe('What the organisation looks for, free text'),
  requestTags: tags,
  targetMarketInterests: uniqueList(countryCode, 50),
  exportExperience: z.enum(EXPORT_EXPERIENCE),
};

export const createOrganisationBody = z.strictObject({
  ...fields,
  size: fields.size.default(null),
  city: fields.city.default(null),
  website: fields.website.default(null),
  registrationId: fields.registrationId.default(null),
  spaceSegments: fields.spaceSegments.default([]),
  melca: fields.melca.default([]),
  offers: fields.offers.default(''),
  offerTags: fields.offerTags.default([]),
  requests: fields.requests.default(''),
  requestTags: fields.requestTags.default([]),
  targetMarketInterests: fields.targetMarketInterests.default([]),
  exportExperience: fields.exportExperience.default('none'),
});
export const updateOrganisationBody = z.strictObject({
  version: versionField,
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
} as { version: z.ZodNumber } & { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> });

export const organisationParams = z.object({
  workspace: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
});
export const deleteOrganisationQuery = z.object({ version: versionQueryField });

export const listOrganisationsQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Search in the name (accents, case and legal form ignored)'),
  cluster: z.string().min(1).max(100).optional().describe('Id of a partner cluster'),
  country: countryCode.optional(),
  segment: z.enum(SPACE_SEGMENTS).optional(),
  type: z.enum(ORGANISATION_TYPES).optional(),
  sort: sortField(ORGANISATION_SORT_KEYS, 'createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});

export const organisationListSchema = z
  .object({ items: z.array(organisationSchema), nextCursor: z.string().nullable(), total: totalField })
  .meta({ id: 'OrganisationList' });

export const organisationHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional().describe('nextCursor of the previous page'),
});

export const organisationHistorySchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        at: z.string(),
        actor: z.string().nullable().describe('The name of who made the change (null: a removed user)'),
        action: z.enum(['create', 'update', 'delete']),
        entityType: z
          .enum(['organisation', 'person'])
          .describe('The organisation itself, or one of the people who work for it today'),
        entityId: z.string(),
        entityName: z
          .string()
          .nullable()
          .describe("The changed record's name today (null: it no longer exists)"),
        changes: z
          .record(z.string(), z.tuple([z.unknown(), z.unknown()]))
          .describe('field → [before, after], as the audit log records them'),
      }),
    ),
    nextCursor: z.string().nullable(),
    references: z
      .record(z.string(), z.string())
      .describe(
        'Names of the records the changes of this page refer to by id (a cluster, an organisation…) that still exist',
      ),
  })
  .meta({ id: 'OrganisationHistory' });

export type OrganisationDto = z.infer<typeof organisationSchema>;
export type OrganisationDetailDto = z.infer<typeof organisationDetailSchema>;
export type CreateOrganisationInput = z.infer<typeof createOrganisationBody>;
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationBody>;
export type ListOrganisationsQuery = z.infer<typeof listOrganisationsQuery>;
export type OrganisationHistoryQuery = z.infer<typeof organisationHistoryQuery>;
export type OrganisationHistoryDto = z.infer<typeof organisationHistorySchema>;
