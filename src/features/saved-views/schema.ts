import { z } from 'zod';
import { versionField, versionQueryField } from '../../http/params.ts';

/** The lists a view can be saved for. */
export const SAVED_VIEW_LISTS = ['organisations', 'people', 'markets', 'activities', 'audit'] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

/** How many views one user may keep per list (a menu, not a store). */
export const MAX_VIEWS_PER_LIST = 50;

const PARAMETER = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

/**
 * The list's address parameters (filters and sort) as text, e.g. `{ "country": "ES", "sort": "-name" }`.
 * The web app reads them as leniently as any address, so a filter a list no longer knows is dropped.
 */
const viewQuery = z
  .record(
    z.string().regex(PARAMETER, 'must be a parameter name (letters and digits, at most 40)'),
    z.string().max(200),
  )
  .refine((query) => Object.keys(query).length <= 20, 'must hold at most 20 parameters')
  .describe("The list's address parameters (filters and sort), each a text of at most 200 characters");

const name = z.string().trim().min(1).max(80).describe('Unique among your views of the list');

export const savedViewSchema = z
  .object({
    id: z.string(),
    list: z.enum(SAVED_VIEW_LISTS),
    name: z.string(),
    query: z.record(z.string(), z.string()),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SavedView' });

export const savedViewListSchema = z
  .object({ items: z.array(savedViewSchema).describe('By name') })
  .meta({ id: 'SavedViewList' });

export const listSavedViewsQuery = z.object({ list: z.enum(SAVED_VIEW_LISTS) });
export const createSavedViewBody = z.strictObject({ list: z.enum(SAVED_VIEW_LISTS), name, query: viewQuery });
export const updateSavedViewBody = z.strictObject({
  version: versionField,
  name: name.optional(),
  query: viewQuery.optional(),
});
export const savedViewParams = z.object({
  workspace: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
});
export const deleteSavedViewQuery = z.object({ version: versionQueryField });

export type SavedViewDto = z.infer<typeof savedViewSchema>;
export type CreateSavedViewInput = z.infer<typeof createSavedViewBody>;
export type UpdateSavedViewInput = z.infer<typeof updateSavedViewBody>;
