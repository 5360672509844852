import { z } from 'zod';
import { ROLES } from '../../domain/access/policy.ts';
import { versionField, versionQueryField } from '../../http/params.ts';

/** HTTP contract of the members (memberships) of a workspace. */

export const memberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    clusterId: z.string().nullable().describe('The cluster of a cluster manager'),
    organisationId: z.string().nullable().describe('The organisation of a member'),
    createdAt: z.string().describe('When the user joined the workspace'),
    version: z.number().int().describe('Send it back with a change or removal; a stale one gets 409'),
  })
  .meta({ id: 'Member' });

export const memberListSchema = z
  .object({ items: z.array(memberSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'MemberList' });

export const listMembersQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Search in name and e-mail (case ignored)'),
  role: z.enum(ROLES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional().describe('nextCursor of the previous page'),
});

export const memberParams = z.object({
  workspace: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
});

export const updateMemberBody = z.strictObject({
  version: versionField,
  role: z.enum(ROLES),
  clusterId: z.string().min(1).max(100).nullable().default(null).describe('Required for a cluster manager'),
  organisationId: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .default(null)
    .describe('The organisation of a member (optional); no other role has one'),
});

export const deleteMemberQuery = z.object({ version: versionQueryField });

export type MemberDto = z.infer<typeof memberSchema>;
export type ListMembersQuery = z.infer<typeof listMembersQuery>;
export type UpdateMemberInput = z.infer<typeof updateMemberBody>;
