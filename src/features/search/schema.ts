import { z } from 'zod';

/** What the global search looks into, in the order its groups are answered. */
export const SEARCH_KINDS = ['organisation', 'person', 'market', 'plan', 'activity'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe(
      'Searched in organisation names (accents, case and legal form ignored), people’s names and e-mails, market, plan and activity names (case ignored); a two-letter country code also finds its markets',
    ),
  limit: z.coerce.number().int().min(1).max(20).default(5).describe('At most this many results per kind'),
});

export const searchHitSchema = z.object({
  id: z.string(),
  label: z.string().describe('The name or title'),
  detail: z.string().describe('What tells it apart: country, organisation, market, dates…'),
  organisationId: z
    .string()
    .nullable()
    .describe('For a person: the organisation they work for, whose page lists them; null otherwise'),
});

export const searchResultSchema = z
  .object({
    q: z.string(),
    groups: z
      .array(
        z.object({
          kind: z.enum(SEARCH_KINDS),
          items: z.array(searchHitSchema).describe('Names starting with the text first, then by name'),
          more: z.boolean().describe('Whether more results of this kind match than are listed'),
        }),
      )
      .describe(
        'One group per kind your role may read, in a fixed order (organisation, person, market, plan, activity)',
      ),
  })
  .meta({ id: 'SearchResult' });

export type SearchQuery = z.infer<typeof searchQuery>;
export type SearchHitDto = z.infer<typeof searchHitSchema>;
export type SearchResultDto = z.infer<typeof searchResultSchema>;
