import { z } from 'zod';
import { RELATIONSHIP_STAGES } from '../../domain/network/types.ts';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { countryCode, isoDate, versionField, versionQueryField } from '../../http/params.ts';
import { RELATIONSHIP_SORT_KEYS } from './repository.ts';

export { RELATIONSHIP_STAGES } from '../../domain/network/types.ts';

const id = z.string().min(1).max(100);
const reason = z.string().trim().min(1).max(500);
const notes = z.string().max(4000);

const sideSchema = z.object({
  kind: z.enum(['cluster', 'organisation']).describe('A partner cluster, or a member organisation'),
  id: z.string(),
  name: z.string(),
});
const counterpartSchema = z.object({
  kind: z.enum(['network', 'member']).describe('A network organisation, or a member organisation'),
  id: z.string(),
  name: z.string(),
  country: z.string().describe('ISO 3166-1 alpha-2'),
});

export const relationshipSchema = z
  .object({
    id: z.string(),
    ourClusterId: z.string().nullable(),
    ourOrganisationId: z.string().nullable(),
    ours: sideSchema,
    networkOrganisationId: z.string().nullable(),
    counterpartOrganisationId: z.string().nullable(),
    counterpart: counterpartSchema,
    clusterId: z.string().describe('The cluster whose staff may change it (ours, or our member’s cluster)'),
    marketId: z.string().nullable(),
    marketName: z.string().nullable(),
    stage: z.enum(RELATIONSHIP_STAGES),
    stageReason: z.string().nullable().describe('Why it is dormant or closed'),
    startedOn: z.string().describe('YYYY-MM-DD'),
    stageChangedOn: z.string().describe('YYYY-MM-DD: the day of the current stage'),
    ownerUserId: z.string().nullable(),
    ownerName: z.string().nullable(),
    notes: z.string(),
    version: z.number().int().describe('Send it back with an edit or a stage change; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Relationship' });

export const stageChangeSchema = z
  .object({
    id: z.string(),
    fromStage: z.enum(RELATIONSHIP_STAGES).nullable().describe('null: the stage the relationship began at'),
    toStage: z.enum(RELATIONSHIP_STAGES),
    changedOn: z.string().describe('YYYY-MM-DD'),
    reason: z.string().nullable(),
    actorUserId: z.string().nullable(),
    actorName: z.string().nullable(),
    activityId: z.string().nullable().describe('The activity the change is attributed to (KPI evidence)'),
    activityTitle: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'RelationshipStageChange' });

export const relationshipDetailSchema = relationshipSchema
  .extend({ changes: z.array(stageChangeSchema).describe('Its stage history, oldest first') })
  .meta({ id: 'RelationshipDetail' });

export const relationshipListSchema = z
  .object({ items: z.array(relationshipSchema), nextCursor: z.string().nullable(), total: totalField })
  .meta({ id: 'RelationshipList' });

export const BOARD_CARDS_PER_STAGE = 50;

export const relationshipBoardSchema = z
  .object({
    columns: z.array(
      z.object({
        stage: z.enum(RELATIONSHIP_STAGES),
        count: z.number().int().describe('All relationships at this stage'),
        items: z
          .array(relationshipSchema)
          .describe(`The ${BOARD_CARDS_PER_STAGE} most recently moved; the others through the list`),
      }),
    ),
  })
  .meta({ id: 'RelationshipBoard' });

const STAGE_LIST = new RegExp(`^(${RELATIONSHIP_STAGES.join('|')})(,(${RELATIONSHIP_STAGES.join('|')}))*$`);

export const listRelationshipsQuery = z.object({
  stage: z
    .string()
    .max(200)
    .regex(STAGE_LIST, {
      message: `must be stages separated by commas, each one of ${RELATIONSHIP_STAGES.join(', ')}`,
      abort: true,
    })
    .transform((list) => [...new Set(list.split(','))] as (typeof RELATIONSHIP_STAGES)[number][])
    .optional()
    .describe(`Stages separated by commas: ${RELATIONSHIP_STAGES.join(', ')}`),
  marketId: id.optional(),
  clusterId: id.optional().describe('The relationships in the scope of this cluster'),
  ours: id.optional().describe('Ours: a cluster id or a member organisation id'),
  networkOrganisationId: id.optional(),
  counterpartOrganisationId: id.optional().describe('A member organisation on the other side'),
  ownerUserId: id.optional(),
  q: z.string().trim().max(100).optional().describe("Search in the counterpart's name"),
  country: countryCode.optional().describe("The counterpart's country"),
  sort: sortField(RELATIONSHIP_SORT_KEYS, '-stageChangedOn'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});

export const boardQuery = z.object({
  marketId: id.optional(),
  clusterId: id.optional(),
});

const exactlyOne =
  (a: string, b: string, what: string) => (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const count = [value[a], value[b]].filter((v) => v !== undefined && v !== null).length;
    if (count !== 1) {
      ctx.addIssue({ code: 'custom', path: [a], message: `give exactly one of ${a} and ${b} (${what})` });
    }
  };

export const createRelationshipBody = z
  .strictObject({
    ourClusterId: id.nullable().optional().describe('Ours: a partner cluster…'),
    ourOrganisationId: id.nullable().optional().describe('…or a member organisation (exactly one)'),
    networkOrganisationId: id.nullable().optional().describe('The counterpart: a network organisation…'),
    counterpartOrganisationId: id.nullable().optional().describe('…or a member organisation (exactly one)'),
    marketId: id.nullable().default(null),
    stage: z.enum(RELATIONSHIP_STAGES).default('mapped'),
    reason: reason.nullable().default(null).describe('Required for dormant and closed'),
    startedOn: isoDate.optional().describe('YYYY-MM-DD; today by default'),
    ownerUserId: id.nullable().default(null),
    notes: notes.default(''),
    activityId: id.nullable().default(null).describe('The activity the first stage is attributed to'),
  })
  .superRefine(exactlyOne('ourClusterId', 'ourOrganisationId', 'ours'))
  .superRefine(exactlyOne('networkOrganisationId', 'counterpartOrganisationId', 'the counterpart'));

export const updateRelationshipBody = z.strictObject({
  version: versionField,
  notes: notes.optional(),
  ownerUserId: id.nullable().optional(),
  marketId: id.nullable().optional(),
});

export const stageChangeBody = z.strictObject({
  version: versionField,
  stage: z.enum(RELATIONSHIP_STAGES),
  changedOn: isoDate.optional().describe('YYYY-MM-DD; today by default'),
  activityId: id.nullable().default(null),
  reason: reason.nullable().default(null).describe('Required for dormant and closed'),
});

export const editStageChangeBody = z.strictObject({
  version: versionField.describe("The relationship's version"),
  activityId: id.nullable().optional(),
  reason: reason.nullable().optional(),
});

export const relationshipParams = z.object({ workspace: z.string().min(1).max(100), id });
export const stageChangeParams = relationshipParams.extend({ changeId: id });
export const deleteRelationshipQuery = z.object({ version: versionQueryField });

export type RelationshipDto = z.infer<typeof relationshipSchema>;
export type RelationshipDetailDto = z.infer<typeof relationshipDetailSchema>;
export type StageChangeDto = z.infer<typeof stageChangeSchema>;
export type RelationshipBoardDto = z.infer<typeof relationshipBoardSchema>;
export type ListRelationshipsQuery = z.infer<typeof listRelationshipsQuery>;
export type BoardQuery = z.infer<typeof boardQuery>;
export type CreateRelationshipInput = z.infer<typeof createRelationshipBody>;
export type UpdateRelationshipInput = z.infer<typeof updateRelationshipBody>;
export type StageChangeInput = z.infer<typeof stageChangeBody>;
export type EditStageChangeInput = z.infer<typeof editStageChangeBody>;
