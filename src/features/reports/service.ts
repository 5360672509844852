import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { DEFAULT_LANGUAGE } from '../../domain/i18n/types.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { JobRepository } from '../../jobs/repository.ts';
import { AuditRepository } from '../audit/repository.ts';
import { presentJob } from '../jobs/presenter.ts';
import type { JobDto } from '../jobs/schema.ts';
import { REPORT_JOB_KIND } from './report-job.ts';
import { ReportRepository } from './repository.ts';
import type { ReportRequest } from './schema.ts';

/** Starting funder reports: each is a background job of the workspace, audited like any creation. */
export class ReportService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly queue: Pick<JobQueue, 'notify'>,
  ) {}

  async create(actor: Actor, workspaceSlug: string, request: ReportRequest): Promise<JobDto> {
    requireAccess(actor, 'report.create');
    const market = request.marketId
      ? await new ReportRepository(this.db).market(actor.workspaceId, request.marketId)
      : undefined;
    if (request.marketId && !market) {
      throw new InvalidInputError(`No market "${request.marketId}" in this workspace`, [
        { field: 'body.marketId', message: 'is not a market of this workspace' },
      ]);
    }
    const language =
      request.language ??
      (await new ReportRepository(this.db).userLanguage(actor.userId)) ??
      DEFAULT_LANGUAGE;
    const params = {
      from: request.from,
      to: request.to,
      format: request.format,
      language,
      ...(market ? { marketId: market.id } : {}),
    };
    const job = await writeTransaction(this.db, async (trx) => {
      const row = await new JobRepository(trx).insert({
        workspaceId: actor.workspaceId,
        kind: REPORT_JOB_KIND,
        params,
        createdBy: actor.userId,
      });
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'job',
        entityId: row.id,
        changes: {
          kind: [null, REPORT_JOB_KIND],
          from: [null, params.from],
          to: [null, params.to],
          format: [null, params.format],
          language: [null, language],
          ...(market ? { market_id: [null, market.id] } : {}),
        },
      });
      return row;
    });
    // Woken after the commit: the worker's claim must see the job.
    this.queue.notify();
    return presentJob({ ...job, file_name: null, file_size: null, file_content_type: null }, workspaceSlug);
  }
}
