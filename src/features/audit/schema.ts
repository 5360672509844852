import { z } from 'zod';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { isoDate, workspaceParams } from '../../http/params.ts';
import { AUDIT_SORT_KEYS } from './repository.ts';

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;

export const auditEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string().nullable().describe('E-mail of the user who made the change'),
    actorId: z.string().nullable().describe('Id of the user who made the change (null: the Hub itself)'),
    actorName: z.string().nullable().describe('Name of the user who made the change'),
    action: z.enum(AUDIT_ACTIONS),
    entityType: z.string(),
    entityId: z.string(),
    entityName: z
      .string()
      .nullable()
      .describe(
        "The changed record's name today (a title, a name, an e-mail…); null when it no longer exists or has none",
      ),
    kpi: z
      .object({ key: z.string(), label: z.string(), kind: z.string() })
      .nullable()
      .describe('For KPI targets and values: the KPI, so its values can be read (money is cents)'),
    changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).describe('field → [before, after]'),
  })
  .meta({ id: 'AuditEvent' });

export const listAuditParams = workspaceParams;
export const listAuditQuery = z.object({
  entityId: z.string().max(100).optional(),
  actorId: z.string().min(1).max(100).optional().describe('Only the changes made by this user'),
  entityType: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'must be an entity type such as market or cost_line')
    .optional()
    .describe('Only changes to this kind of record (market, plan, activity, cost_line…)'),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: isoDate.optional().describe('Changes made on or after this day (UTC)'),
  to: isoDate.optional().describe('Changes made on or before this day (UTC)'),
  sort: sortField(AUDIT_SORT_KEYS, '-at').describe(
    'The order: at (when), actor (who, by name), entityType (record type), action (create, update, delete); a leading "-" reverses it (default -at, newest first). Entries with the same value follow in time order, in the same direction.',
  ),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: cursorField,
});
export const auditListSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
  total: totalField,
  references: z
    .record(z.string(), z.string())
    .describe(
      'Names of the records the changes of this page refer to by id (cluster, organisation, person, activity, plan, market, instrument, user) that still exist',
    ),
});

export const auditActorsSchema = z.object({
  items: z.array(
    z
      .object({ id: z.string(), name: z.string(), email: z.string() })
      .describe('A user who changed something'),
  ),
});

export type ListAuditQuery = z.infer<typeof listAuditQuery>;
export type AuditListDto = z.infer<typeof auditListSchema>;
export type AuditActorsDto = z.infer<typeof auditActorsSchema>;
