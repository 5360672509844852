import { z } from 'zod';
import { workspaceParams } from '../../http/params.ts';

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
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(100).optional(),
});
export const auditListSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});

export type ListAuditQuery = z.infer<typeof listAuditQuery>;
export type AuditListDto = z.infer<typeof auditListSchema>;
