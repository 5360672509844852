import { z } from 'zod';
import { ROLES } from '../../domain/access/policy.ts';
import { LANGUAGES } from '../../domain/i18n/types.ts';

/** HTTP contract of sign-in, sessions, the current user and personal API tokens. */

export const signInBody = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string() })
  .meta({ id: 'User' });

export const signInResponse = z
  .object({
    user: userSchema,
    csrfToken: z.string().describe('Send it as X-CSRF-Token with every cookie-authenticated mutation'),
    expiresAt: z.string(),
  })
  .meta({ id: 'SignIn' });

export const meResponse = z
  .object({
    user: userSchema,
    via: z.enum(['session', 'token']),
    language: z
      .enum(LANGUAGES)
      .nullable()
      .describe('The interface language the user chose; null to follow the browser’s languages'),
    csrfToken: z.string().nullable().describe('null when authenticated by API token'),
    workspaces: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        role: z.enum(ROLES),
        clusterId: z.string().nullable().describe('The cluster of a cluster manager'),
        organisationId: z.string().nullable().describe('The organisation of a member'),
        status: z
          .enum(['active', 'suspended'])
          .describe('suspended: the operator suspended it; its pages and API answer 423'),
      }),
    ),
    operator: z.boolean().describe('Whether this account is the instance operator (pages under /operator)'),
  })
  .meta({ id: 'Me' });

export const updateMeBody = z
  .strictObject({
    language: z
      .enum(LANGUAGES)
      .nullable()
      .describe(
        'The interface language (one with a message file), or null to follow the browser’s languages',
      ),
  })
  .meta({ id: 'UpdateMe' });

export const sessionResponse = z
  .object({
    me: meResponse.nullable().describe('The signed-in user as GET /me gives it, or null when nobody is'),
  })
  .meta({ id: 'Session' });

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createApiTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(90),
});

export const createdApiTokenResponse = z
  .object({
    token: apiTokenSchema,
    secret: z.string().describe('Shown once: send as `Authorization: Bearer <secret>`'),
  })
  .meta({ id: 'CreatedApiToken' });

export const tokenParams = z.object({ id: z.string().min(1).max(100) });
