import { z } from 'zod';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { workspaceParams } from '../../http/params.ts';

/** The audit log's order: by time (`-at`, newest first, is the default). */
export const AUDIT_SORT_KEYS = ['at'] as const;

export const auditEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string().nullable().describe('E-mail of the user who made the change'),
    action: z.enum(['create', 'update', 'delete']),
    entityType: z.string(),
    entityId: z.string(),
    changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).describe('field → [before, after]'),
  })
  .meta({ id: 'AuditEvent' });

export const listAuditParams = workspaceParams;
export const listAuditQuery = z.object({
  entityId: z.string().max(100).optional(),
  sort: sortField(AUDIT_SORT_KEYS, '-at'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: cursorField,
});
export const auditListSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
  total: totalField,
});

export type ListAuditQuery = z.infer<typeof listAuditQuery>;
export type AuditListDto = z.infer<typeof auditListSchema>;
