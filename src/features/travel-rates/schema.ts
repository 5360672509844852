import { z } from 'zod';
import { MAX_RATE_EUR } from '../../domain/planning/budget-estimate.ts';
import { countryCode, versionField, versionQueryField } from '../../http/params.ts';

/** HTTP contract of the workspace's travel-cost table (one row per destination country). */

export const travelRateSchema = z
  .object({
    country: z.string().describe('ISO 3166-1 alpha-2 of the destination'),
    travelEur: z.number().describe('Return travel per traveller, EUR'),
    accommodationPerNightEur: z.number(),
    subsistencePerDayEur: z.number(),
    isDefault: z.boolean().describe("true: the Hub's default, not edited by the workspace"),
    basis: z.string().nullable().describe('How the default was made; null for an edited rate'),
    version: z
      .number()
      .int()
      .nullable()
      .describe('The edited row’s version (send it back with a change); null for a default'),
  })
  .meta({ id: 'TravelRate' });

/** The budget engine's own limit, so a stored rate never makes an estimate fail. */
const amount = z.number().min(0).max(MAX_RATE_EUR).multipleOf(0.01);

export const putTravelRateBody = z.strictObject({
  travelEur: amount,
  accommodationPerNightEur: amount,
  subsistencePerDayEur: amount,
  version: versionField
    .optional()
    .describe('Required to change an edited rate (its version); leave out to replace a default'),
});

export const travelRateParams = z.object({ workspace: z.string().min(1).max(100), country: countryCode });
export const deleteTravelRateQuery = z.object({ version: versionQueryField });

export const listTravelRatesQuery = z.object({
  origin: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      "A cluster of the workspace whose home the defaults start from (default: the workspace's first)",
    ),
  countries: z
    .string()
    .regex(/^[A-Z]{2}(,[A-Z]{2}){0,49}$/, {
      message: 'must be up to 50 comma-separated ISO 3166-1 alpha-2 codes, e.g. "JP,CN"',
      abort: true,
    })
    .refine(
      (text) => text.split(',').every((code) => countryCode.safeParse(code).success),
      'holds a code that is not an ISO 3166-1 country',
    )
    .optional()
    .describe('Comma-separated ISO 3166-1 alpha-2 codes whose defaults to add, e.g. JP,CN'),
});

export const travelRateListSchema = z
  .object({ items: z.array(travelRateSchema) })
  .meta({ id: 'TravelRateList' });

export type TravelRateDto = z.infer<typeof travelRateSchema>;
export type PutTravelRateInput = z.infer<typeof putTravelRateBody>;
