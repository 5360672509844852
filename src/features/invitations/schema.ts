import { z } from 'zod';
import { ROLES } from '../../domain/access/policy.ts';
import { userSchema } from '../auth/schema.ts';

/** HTTP contract of workspace invitations and of accepting one. */

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    clusterId: z.string().nullable(),
    organisationId: z.string().nullable(),
    invitedBy: z.string().nullable().describe('E-mail of the coordinator who sent it'),
    expiresAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Invitation' });

export const createInvitationBody = z.strictObject({
  email: z.string().trim().max(254).pipe(z.email()),
  name: z.string().trim().min(1).max(200),
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

export const invitationParams = z.object({
  workspace: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
});
export const workspaceParams = z.object({ workspace: z.string().min(1).max(100) });

/** Long enough for a good passphrase, short enough that hashing it costs nothing unusual. */
export const MIN_PASSWORD_LENGTH = 12;
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024);

export const acceptInvitationBody = z.strictObject({
  token: z.string().min(1).max(200),
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Your name, for a new account (default: the invitation’s)'),
  password: z
    .string()
    .min(1)
    .max(1024)
    .describe(
      'For a new account, its password (at least 12 characters); for an existing one, its current password',
    ),
});

export const acceptInvitationResponse = z
  .object({
    user: userSchema,
    csrfToken: z.string().describe('Send it as X-CSRF-Token with every cookie-authenticated mutation'),
    expiresAt: z.string(),
    workspace: z.object({ slug: z.string(), name: z.string(), role: z.enum(ROLES) }),
  })
  .meta({ id: 'AcceptedInvitation' });

export const invitationPreviewBody = z.strictObject({ token: z.string().min(1).max(200) });

export const invitationPreviewResponse = z
  .object({
    email: z.string().describe('The invited address (the account it creates or joins)'),
    name: z.string().describe('The name the coordinator gave (a default for a new account)'),
    workspaceName: z.string(),
    role: z.enum(ROLES),
    invitedBy: z.string().nullable().describe('Name of the coordinator who sent it'),
    expiresAt: z.string(),
    accountExists: z
      .boolean()
      .describe('true: accepting asks for that account’s current password; false: for a new password'),
  })
  .meta({ id: 'InvitationPreview' });

export type InvitationDto = z.infer<typeof invitationSchema>;
export type CreateInvitationInput = z.infer<typeof createInvitationBody>;
export type AcceptInvitationInput = z.infer<typeof acceptInvitationBody>;
export type InvitationPreviewDto = z.infer<typeof invitationPreviewResponse>;
