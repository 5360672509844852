import { z } from 'zod';

/** HTTP contract of a workspace's background jobs (reports, archives, event schedules and mails). */

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
/** The kinds of a workspace's jobs (a test checks every registered kind is here). */
export const JOB_KINDS = ['report', 'archive', 'b2b-agenda-mails', 'b2b-schedule'] as const;

export const jobFileSchema = z
  .object({
    name: z.string().describe('The file name the download is saved under'),
    size: z.number().int().describe('Bytes'),
    contentType: z.string(),
    url: z.string().describe('GET it for the file (an attachment)'),
  })
  .meta({ id: 'JobFile' });

export const jobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(JOB_KINDS),
    status: z.enum(JOB_STATUSES),
    progress: z.number().min(0).max(1).describe('0 to 1'),
    message: z.string().describe('What the job is doing (or did)'),
    params: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .describe('The parameters the job was started with, e.g. { from, to, format } of a report'),
    error: z.string().nullable().describe('Why a failed job failed'),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    file: jobFileSchema.nullable().describe('The produced file, once the job succeeded'),
  })
  .meta({ id: 'Job' });

export const jobListSchema = z
  .object({ items: z.array(jobSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'JobList' });

export const jobParams = z.object({ workspace: z.string().min(1).max(100), id: z.string().min(1).max(100) });

export const jobListQuery = z.object({
  kind: z.enum(JOB_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(100).optional().describe('`nextCursor` of the previous page'),
});

export type JobDto = z.infer<typeof jobSchema>;
export type JobListQuery = z.infer<typeof jobListQuery>;
