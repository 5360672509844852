import { z } from 'zod';
import { countryCode, versionField, versionQueryField } from '../../http/params.ts';

export const clusterSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    country: z.string().describe('ISO 3166-1 alpha-2'),
    city: z.string(),
    dayRateEur: z.number().describe('Staff day rate used by budget estimates, EUR'),
    website: z.string().nullable(),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Cluster' });

const fields = {
  name: z.string().trim().min(1).max(200),
  shortName: z.string().trim().min(1).max(30),
  country: countryCode,
  city: z.string().trim().min(1).max(100),
  dayRateEur: z.number().min(0).max(10_000).multipleOf(0.01),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
};

export const createClusterBody = z.strictObject({ ...fields, website: fields.website.default(null) });
export const updateClusterBody = z.strictObject({
  version: versionField,
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
} as { version: z.ZodNumber } & { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> });

export const clusterParams = z.object({
  workspace: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
});
export const deleteClusterQuery = z.object({ version: versionQueryField });

export const listClustersQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Search in name and short name'),
  country: countryCode.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional().describe('nextCursor of the previous page'),
});

export const clusterListSchema = z
  .object({ items: z.array(clusterSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ClusterList' });

export type ClusterDto = z.infer<typeof clusterSchema>;
export type CreateClusterInput = z.infer<typeof createClusterBody>;
export type UpdateClusterInput = z.infer<typeof updateClusterBody>;
