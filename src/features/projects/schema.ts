import { z } from 'zod';
import {
  FUNDING_PROGRAMMES,
  PROJECT_PARTNER_ROLES,
  PROJECT_STATUSES,
  type ProjectStatus,
} from '../../domain/network/types.ts';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { isoDate, versionField, versionQueryField } from '../../http/params.ts';
import { PROJECT_SORT_KEYS } from './repository.ts';

/**
 * The HTTP contract of collaborative projects (issue 21 item 4): a project of the network, its
 * partners (ours: clusters and member organisations; counterparts: network organisations), its
 * funding and its status. Money is a decimal amount in the project's own currency (stored as
 * minor units of that currency), as budgets take EUR amounts.
 */

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** How many decimals a currency has (EUR 2, JPY 0, BHD 3), by ICU. */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Largest amount: 100 billion in any currency (its minor units stay exact in a JavaScript number). */
export const MAX_PROJECT_AMOUNT = 100_000_000_000;

const id = z.string().min(1).max(100);

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code in capitals, e.g. "EUR"', abort: true })
  .refine((code) => currencies.has(code), 'is not an ISO 4217 currency code')
  .describe('ISO 4217');

const amount = z
  .number()
  .min(0, 'must not be negative')
  .max(MAX_PROJECT_AMOUNT, 'must be at most 100,000,000,000')
  .describe("Decimal amount in the project's currency (at most its number of decimals, e.g. 2 for EUR)");

export const partnerInput = z
  .strictObject({
    clusterId: id.optional().describe('One of ours: a partner cluster'),
    organisationId: id.optional().describe('One of ours: a member organisation'),
    networkOrganisationId: id.optional().describe('A counterpart: a network organisation'),
    role: z.enum(PROJECT_PARTNER_ROLES),
  })
  .superRefine((value, ctx) => {
    const given = [value.clusterId, value.organisationId, value.networkOrganisationId].filter(
      (v) => v !== undefined,
    ).length;
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['networkOrganisationId'],
        message: 'give exactly one of clusterId, organisationId, networkOrganisationId',
      });
    }
  });
export type PartnerInput = z.infer<typeof partnerInput>;

const fields = {
  title: z.string().trim().min(1).max(300),
  description: z.string().max(4000),
  clusterId: id
    .nullable()
    .describe("The cluster that follows the project (its access scope); null: the coordinators'"),
  fundingProgramme: z.enum(FUNDING_PROGRAMMES).nullable(),
  amount: amount.nullable(),
  currency: currencyCode.nullable(),
  status: z.enum(PROJECT_STATUSES),
  commonLabel: z.boolean().describe('The project carries a common (cluster) label'),
  internationalFunding: z.boolean().describe('Funded from outside Europe or by an international programme'),
  activityId: id.nullable().describe('The activity it came from (KPI attribution)'),
  instrumentId: id
    .nullable()
    .describe("The instrument it came from, when no activity: an activity's own instrument otherwise"),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  completedOn: isoDate.nullable().describe('Set to today when the project becomes completed, unless given'),
};

export const createProjectBody = z.strictObject({
  title: fields.title,
  description: fields.description.default(''),
  clusterId: fields.clusterId.default(null),
  fundingProgramme: fields.fundingProgramme.default(null),
  amount: fields.amount.default(null),
  currency: fields.currency.default(null),
  status: fields.status.default('idea'),
  commonLabel: fields.commonLabel.default(false),
  internationalFunding: fields.internationalFunding.default(false),
  activityId: fields.activityId.default(null),
  instrumentId: fields.instrumentId.default(null),
  startsOn: fields.startsOn.default(null),
  endsOn: fields.endsOn.default(null),
  completedOn: fields.completedOn.default(null),
  partners: z.array(partnerInput).max(50).default([]).describe('Partners added with the project'),
});

export const updateProjectBody = z.strictObject({
  version: versionField,
  title: fields.title.optional(),
  description: fields.description.optional(),
  clusterId: fields.clusterId.optional(),
  fundingProgramme: fields.fundingProgramme.optional(),
  amount: fields.amount.optional(),
  currency: fields.currency.optional(),
  status: fields.status.optional(),
  commonLabel: fields.commonLabel.optional(),
  internationalFunding: fields.internationalFunding.optional(),
  activityId: fields.activityId.optional(),
  instrumentId: fields.instrumentId.optional(),
  startsOn: fields.startsOn.optional(),
  endsOn: fields.endsOn.optional(),
  completedOn: fields.completedOn.optional(),
});

export const projectParams = z.object({ workspace: z.string().min(1).max(100), id });
export const partnerParams = projectParams.extend({ partnerId: id });
export const deleteProjectQuery = z.object({ version: versionQueryField });

const STATUS_LIST = new RegExp(`^(${PROJECT_STATUSES.join('|')})(,(${PROJECT_STATUSES.join('|')}))*$`);
const flag = z
  .enum(['true', 'false'])
  .transform((text) => text === 'true')
  .optional();

export const listProjectsQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Search in the title'),
  status: z
    .string()
    .max(200)
    .regex(STATUS_LIST, {
      message: `must be statuses separated by commas, each one of ${PROJECT_STATUSES.join(', ')}`,
    })
    .transform((list) => [...new Set(list.split(','))] as ProjectStatus[])
    .optional()
    .describe(`Statuses separated by commas: ${PROJECT_STATUSES.join(', ')}`),
  fundingProgramme: z.enum(FUNDING_PROGRAMMES).optional(),
  clusterId: id.optional().describe('Projects followed by this cluster'),
  partner: id
    .optional()
    .describe('Projects with this partner: a cluster, a member organisation or a network organisation id'),
  activityId: id.optional(),
  commonLabel: flag,
  internationalFunding: flag,
  sort: sortField(PROJECT_SORT_KEYS, '-createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});
export type ListProjectsQuery = z.infer<typeof listProjectsQuery>;

export const projectPartnerSchema = z
  .object({
    id: z.string(),
    side: z.enum(['ours', 'counterpart']).describe('Ours: a cluster or a member organisation'),
    kind: z.enum(['cluster', 'organisation', 'network_organisation']),
    refId: z.string().describe('The id of the cluster, member organisation or network organisation'),
    name: z.string(),
    country: z.string().nullable(),
    role: z.enum(PROJECT_PARTNER_ROLES),
    createdAt: z.string(),
  })
  .meta({ id: 'ProjectPartner' });

export const projectSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    clusterId: z.string().nullable(),
    clusterName: z.string().nullable(),
    fundingProgramme: z.enum(FUNDING_PROGRAMMES).nullable(),
    amount: z.number().nullable().describe("Decimal amount in the project's currency"),
    amountMinor: z.number().int().nullable().describe('The amount in minor units of the currency'),
    currency: z.string().nullable(),
    status: z.enum(PROJECT_STATUSES),
    commonLabel: z.boolean(),
    internationalFunding: z.boolean(),
    activityId: z.string().nullable(),
    activityTitle: z.string().nullable(),
    instrumentId: z.string().nullable(),
    instrumentName: z.string().nullable(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    completedOn: z.string().nullable(),
    partnerCount: z.number().int(),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Project' });

export const projectDetailSchema = projectSchema
  .extend({
    partners: z.array(projectPartnerSchema),
    canEdit: z.boolean().describe('Whether the reader may edit or delete it'),
  })
  .meta({ id: 'ProjectDetail' });

export const projectListSchema = z
  .object({
    items: z.array(projectSchema),
    nextCursor: z.string().nullable(),
    total: totalField,
    totalsByStatus: z
      .record(z.string(), z.number().int())
      .describe('How many projects match the other filters, by status (the status filter aside)'),
    canCreate: z.boolean().describe('Whether the reader may add a project (in some scope)'),
  })
  .meta({ id: 'ProjectList' });

export type CreateProjectInput = z.infer<typeof createProjectBody>;
export type UpdateProjectInput = z.infer<typeof updateProjectBody>;
export type ProjectDto = z.infer<typeof projectSchema>;
export type ProjectDetailDto = z.infer<typeof projectDetailSchema>;
export type ProjectPartnerDto = z.infer<typeof projectPartnerSchema>;
