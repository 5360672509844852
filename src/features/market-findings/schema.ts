import { z } from 'zod';
import { WAVE_STATUSES } from '../../domain/surveys/types.ts';
import { cursorField, totalField } from '../../http/list-params.ts';
import { versionField, versionQueryField } from '../../http/params.ts';

/**
 * The HTTP contract of a market's findings (issue 23 item 5, decision 0045): what a market survey
 * (instrument 1.3.4), desk research or a visit found about a target market, shown in its dossier.
 */

const id = z.string().min(1).max(100);

export const FINDING_TITLE_MAX = 300;
export const FINDING_BODY_MAX = 10_000;

const fields = {
  title: z.string().trim().min(1, 'must not be empty').max(FINDING_TITLE_MAX),
  body: z.string().max(FINDING_BODY_MAX).describe('Plain text; line breaks are kept'),
  waveId: id
    .nullable()
    .describe(
      "The market-survey wave it comes from: a market questionnaire's wave of this market (or of no market); null for desk research or a visit",
    ),
};

export const createFindingBody = z.strictObject({
  title: fields.title,
  body: fields.body.default(''),
  waveId: fields.waveId.default(null),
});

export const updateFindingBody = z.strictObject({
  version: versionField,
  title: fields.title.optional(),
  body: fields.body.optional(),
  waveId: fields.waveId.optional(),
});

export const marketFindingsParams = z.object({ workspace: z.string().min(1).max(100), marketId: id });
export const marketFindingParams = marketFindingsParams.extend({ id });
export const deleteFindingQuery = z.object({ version: versionQueryField });

export const listFindingsQuery = z.object({
  waveId: id.optional().describe('Only the findings of this wave'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});

export const marketFindingSchema = z
  .object({
    id: z.string(),
    marketId: z.string(),
    waveId: z.string().nullable(),
    waveName: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    authorName: z.string().nullable(),
    version: z.number().int().describe('Send it back with an edit or a delete; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MarketFinding' });

export const findingWaveSchema = z
  .object({ id: z.string(), name: z.string(), status: z.enum(WAVE_STATUSES) })
  .meta({ id: 'MarketFindingWave' });

export const marketFindingListSchema = z
  .object({
    items: z.array(marketFindingSchema),
    nextCursor: z.string().nullable(),
    total: totalField,
    canEdit: z.boolean().describe("Whether the reader may add, edit and delete the market's findings"),
    waves: z
      .array(findingWaveSchema)
      .describe('The market-survey waves a finding may name (empty for a reader who may not read surveys)'),
  })
  .meta({ id: 'MarketFindingList' });

export type CreateFindingInput = z.infer<typeof createFindingBody>;
export type UpdateFindingInput = z.infer<typeof updateFindingBody>;
export type ListFindingsQuery = z.infer<typeof listFindingsQuery>;
export type MarketFindingDto = z.infer<typeof marketFindingSchema>;
export type MarketFindingListDto = z.infer<typeof marketFindingListSchema>;
