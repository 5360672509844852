import { z } from 'zod';
import { addDays, todayIso } from '../../domain/dates.ts';
import { INTERACTION_KINDS } from '../../domain/network/types.ts';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { isoDate, versionField, versionQueryField } from '../../http/params.ts';
import { INTERACTION_SORT_KEYS } from './repository.ts';

export { INTERACTION_KINDS } from '../../domain/network/types.ts';

const id = z.string().min(1).max(100);

export const interactionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(INTERACTION_KINDS),
    occurredOn: z.string().describe('YYYY-MM-DD'),
    activityId: z.string().nullable().describe('The activity where it happened (the KPI attribution)'),
    activityTitle: z.string().nullable(),
    clusterId: z
      .string()
      .nullable()
      .describe("Our side's cluster (the access scope); null: the coordinators'"),
    clusterShortName: z.string().nullable(),
    staffUserId: z.string().nullable(),
    staffName: z.string().nullable(),
    memberOrganisationId: z.string().nullable(),
    memberOrganisationName: z.string().nullable(),
    memberPersonId: z.string().nullable(),
    memberPersonName: z.string().nullable(),
    networkOrganisationId: z.string(),
    networkOrganisationName: z.string(),
    networkOrganisationCountry: z.string(),
    networkPersonId: z.string().nullable(),
    networkPersonName: z.string().nullable(),
    notes: z.string(),
    nextStep: z.string().nullable(),
    nextStepDueOn: z.string().nullable(),
    nextStepOwnerUserId: z.string().nullable(),
    nextStepOwnerName: z.string().nullable(),
    nextStepDoneAt: z
      .string()
      .nullable()
      .describe('When the next step was marked done; null: open (or none)'),
    createdBy: z.string().nullable(),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Interaction' });

/** The day of an interaction: any calendar day up to a year from today (a planned meeting). */
const occurredOn = isoDate.refine(
  (day) => day <= addDays(todayIso(), 366),
  'must not be more than a year after today',
);

const fields = {
  kind: z.enum(INTERACTION_KINDS),
  occurredOn,
  activityId: id.nullable().describe('The activity where it happened (optional; of this workspace)'),
  clusterId: id
    .nullable()
    .describe("Our side's cluster; a cluster manager's own by default, null: the coordinators'"),
  staffUserId: id.nullable().describe('Who from our staff (a member of the workspace); you by default'),
  memberOrganisationId: id.nullable().describe('A member organisation of ours that took part'),
  memberPersonId: id.nullable().describe('A person of that member organisation'),
  networkOrganisationId: id.describe('The counterpart: a network organisation of this workspace'),
  networkPersonId: id.nullable().describe('The person met: one of that network organisation'),
  notes: z.string().max(5000),
  nextStep: z.string().trim().min(1).max(500).nullable(),
  nextStepDueOn: isoDate.nullable(),
  nextStepOwnerUserId: id
    .nullable()
    .describe('Who does the next step (a member of the workspace); you by default'),
};

export const createInteractionBody = z.strictObject({
  kind: fields.kind,
  occurredOn: fields.occurredOn,
  networkOrganisationId: fields.networkOrganisationId,
  activityId: fields.activityId.default(null),
  clusterId: fields.clusterId.optional(),
  staffUserId: fields.staffUserId.optional(),
  memberOrganisationId: fields.memberOrganisationId.default(null),
  memberPersonId: fields.memberPersonId.default(null),
  networkPersonId: fields.networkPersonId.default(null),
  notes: fields.notes.default(''),
  nextStep: fields.nextStep.default(null),
  nextStepDueOn: fields.nextStepDueOn.default(null),
  nextStepOwnerUserId: fields.nextStepOwnerUserId.optional(),
});

export const updateInteractionBody = z.strictObject({
  version: versionField,
  kind: fields.kind.optional(),
  occurredOn: fields.occurredOn.optional(),
  networkOrganisationId: fields.networkOrganisationId.optional(),
  activityId: fields.activityId.optional(),
  clusterId: fields.clusterId.optional(),
  staffUserId: fields.staffUserId.optional(),
  memberOrganisationId: fields.memberOrganisationId.optional(),
  memberPersonId: fields.memberPersonId.optional(),
  networkPersonId: fields.networkPersonId.optional(),
  notes: fields.notes.optional(),
  nextStep: fields.nextStep.optional(),
  nextStepDueOn: fields.nextStepDueOn.optional(),
  nextStepOwnerUserId: fields.nextStepOwnerUserId.optional(),
});

export const interactionParams = z.object({ workspace: z.string().min(1).max(100), id });
export const deleteInteractionQuery = z.object({ version: versionQueryField });

export const listInteractionsQuery = z.object({
  networkOrganisationId: id.optional(),
  networkPersonId: id.optional(),
  activityId: id.optional(),
  clusterId: id.optional(),
  kind: z.enum(INTERACTION_KINDS).optional(),
  from: isoDate.optional().describe('First day, YYYY-MM-DD'),
  to: isoDate.optional().describe('Last day, YYYY-MM-DD'),
  openNextStep: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only interactions whose next step is still open'),
  nextStepOwner: z
    .union([z.literal('me'), id])
    .optional()
    .describe('"me" or a user id: only next steps this user owns'),
  sort: sortField(INTERACTION_SORT_KEYS, '-occurredOn'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});

export const interactionListSchema = z
  .object({ items: z.array(interactionSchema), nextCursor: z.string().nullable(), total: totalField })
  .meta({ id: 'InteractionList' });

export type InteractionDto = z.infer<typeof interactionSchema>;
export type CreateInteractionInput = z.infer<typeof createInteractionBody>;
export type UpdateInteractionInput = z.infer<typeof updateInteractionBody>;
export type ListInteractionsQuery = z.infer<typeof listInteractionsQuery>;
