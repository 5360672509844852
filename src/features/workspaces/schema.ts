import { z } from 'zod';
import { LANGUAGES } from '../../domain/i18n/types.ts';
import { MAX_DAY_RATE_CENTS, slugProblem } from '../../domain/workspaces/rules.ts';
import { countryCode, versionField } from '../../http/params.ts';

/** HTTP contract of workspace set-up, the instance operator and workspace settings. */

export const slugField = z
  .string()
  .trim()
  .max(100)
  .superRefine((slug, context) => {
    const problem = slugProblem(slug);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .describe(
    'Lower-case letters, digits and single hyphens, 3–40, starting with a letter; not a reserved word',
  );

const email = z.string().trim().max(254).pipe(z.email());
/** The password rule of invitations and resets (`newPassword` there; not imported: features stay acyclic). */
export const MIN_PASSWORD_LENGTH = 12;
const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024);
const workspaceName = z.string().trim().min(1).max(200);

/** A set-up link's token, in the page's path. */
export const setupParams = z.object({ token: z.string().min(1).max(200) });

export const setupPreviewSchema = z
  .object({
    kind: z
      .enum(['start', 'workspace', 'password'])
      .describe('start: a new workspace; workspace: complete a pending one; password: an operator account'),
    email: z.string().nullable().describe('The coordinator’s e-mail, when the link says it (fixed then)'),
    name: z.string().nullable().describe('The coordinator’s name, prefilled'),
    workspace: z
      .object({ slug: z.string(), name: z.string() })
      .nullable()
      .describe('The pending workspace a CLI or operator link completes'),
    expiresAt: z.string(),
  })
  .meta({ id: 'SetupPreview' });

export const completeSetupBody = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('Your name'),
  email: email.optional().describe('Your e-mail (required for a start link; fixed for the others)'),
  password: newPassword,
  workspaceName: workspaceName
    .optional()
    .describe('Required for a start link; may rename a pending workspace'),
  slug: slugField.optional().describe('Required for a start link'),
  cluster: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      shortName: z.string().trim().min(1).max(30),
      country: countryCode,
      city: z.string().trim().min(1).max(100),
    })
    .optional()
    .describe('Your own partner cluster, the workspace’s first (required unless it is a password link)'),
});
export type CompleteSetupInput = z.infer<typeof completeSetupBody>;

export const completeSetupResponse = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    csrfToken: z.string(),
    expiresAt: z.string(),
    workspace: z.object({ slug: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: 'SetupCompleted' });

export const WORKSPACE_STATUSES = ['active', 'pending', 'suspended', 'deleting'] as const;

export const operatorWorkspaceSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    status: z.enum(WORKSPACE_STATUSES),
    createdAt: z.string(),
    version: z.number().int(),
    sizes: z.object({
      members: z.number().int().describe('Memberships (user accounts in the workspace)'),
      organisations: z.number().int(),
      activities: z.number().int(),
      rows: z.number().int().describe('Every row the workspace owns, over WORKSPACE_TABLES'),
    }),
    coordinators: z.array(z.object({ name: z.string(), email: z.string() })),
    deletion: z
      .object({ progress: z.number(), message: z.string(), status: z.string() })
      .nullable()
      .describe('The deletion job, while the workspace is being deleted'),
  })
  .meta({ id: 'OperatorWorkspace' });
export type OperatorWorkspaceDto = z.infer<typeof operatorWorkspaceSchema>;

export const operatorWorkspaceParams = z.object({ id: z.string().min(1).max(100) });

export const createWorkspaceBody = z.strictObject({
  slug: slugField,
  name: workspaceName,
  coordinatorEmail: email,
  coordinatorName: z.string().trim().min(1).max(200).optional(),
});

export const createdWorkspaceResponse = z
  .object({
    workspace: operatorWorkspaceSchema,
    setupUrl: z.string().describe('The coordinator’s one-time set-up link (also mailed)'),
    expiresAt: z.string(),
  })
  .meta({ id: 'CreatedWorkspace' });

export const updateWorkspaceBody = z.strictObject({
  version: versionField,
  name: workspaceName.optional(),
  status: z.enum(['active', 'suspended']).optional().describe('Suspend or reactivate'),
});

export const deleteWorkspaceBody = z.strictObject({
  confirmSlug: z.string().max(100).describe('The workspace’s slug, typed again'),
});

export const deletionStartedResponse = z
  .object({ jobId: z.string(), status: z.literal('deleting') })
  .meta({ id: 'WorkspaceDeletionStarted' });

export const workspaceSettingsSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    currency: z.string().describe('ISO 4217'),
    defaultDayRateCents: z.number().int().describe('Day rate when no cluster or override gives one'),
    timeZone: z.string().describe('IANA time zone of "today"'),
    languages: z.array(z.enum(LANGUAGES)).describe('English always included'),
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    logoUrl: z.string().nullable().describe('Where the logo is served, or null'),
    moneyRecorded: z.boolean().describe('Whether any money is recorded: the currency can no longer change'),
    canEdit: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'WorkspaceSettings' });
export type WorkspaceSettingsDto = z.infer<typeof workspaceSettingsSchema>;

const currencies = new Set(Intl.supportedValuesOf('currency'));
const timeZones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

export const updateSettingsBody = z.strictObject({
  version: versionField,
  name: workspaceName.optional(),
  currency: z
    .string()
    .refine((code) => currencies.has(code), 'must be an ISO 4217 currency code such as EUR')
    .optional(),
  defaultDayRateCents: z.number().int().min(0).max(MAX_DAY_RATE_CENTS).optional(),
  timeZone: z
    .string()
    .max(100)
    .refine((zone) => timeZones.has(zone), 'must be an IANA time zone such as Europe/Brussels')
    .optional(),
  languages: z
    .array(z.enum(LANGUAGES))
    .max(LANGUAGES.length)
    .refine((list) => list.includes('en'), 'must include English (en)')
    .refine((list) => new Set(list).size === list.length, 'must not repeat a language')
    .optional(),
  fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
  logo: z
    .string()
    .max(360_000)
    .nullable()
    .optional()
    .describe('Base64 PNG, JPEG or WebP of at most 256 KB; null removes the logo'),
});
export type UpdateSettingsInput = z.infer<typeof updateSettingsBody>;

export const logoQuery = z.object({
  v: z.string().max(100).optional().describe('Cache buster: the logo’s change time'),
});
