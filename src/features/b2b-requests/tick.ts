import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { markEvidence, writeTransaction } from '../../db/write-transaction.ts';
import { AuditRepository } from '../audit/repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import { reminderMail } from './mail.ts';
import { participantLink } from './service.ts';

/** A pending request older than this gets one reminder mail to the asked participant. */
export const REMINDER_AFTER_MS = 2 * 86_400_000;

export interface RequestTickRun {
  /** Pending requests past `expires_at`, now `expired`. */
  expired: number;
  /** Reminder mails sent by this run. */
  reminded: number;
}

/**
 * The marketplace's periodic work (issue 22 item 3): pending requests past their `expires_at`
 * become `expired`, and pending requests older than two days get ONE reminder mail to the asked
 * participant's contact. Safe with several servers: each update is conditional on the status (and
 * on `reminded_at` being empty), so only the server whose update changed the row acts on it; a
 * reminder that fails to send clears its `reminded_at`, so a later tick tries again.
 */
export class RequestTickService {
  private readonly clock: () => Date;

  constructor(
    private readonly options: { db: Kysely<DB>; mailer: Mailer; publicUrl: string; clock?: () => Date },
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async tick(now: Date = this.clock()): Promise<RequestTickRun> {
    const at = now.toISOString();
    const { db } = this.options;
    const due = await db
      .selectFrom('b2b_request as r')
      .innerJoin('b2b_event as e', 'e.id', 'r.event_id')
      .where('r.status', '=', 'pending')
      .where('r.expires_at', 'is not', null)
      .where('r.expires_at', '<=', at)
      .select(['r.id', 'r.workspace_id', 'r.version', 'e.activity_id'])
      .execute();
    let expired = 0;
    for (const request of due) {
      const changed = await writeTransaction(db, async (trx) => {
        const result = await trx
          .updateTable('b2b_request')
          .set({ status: 'expired', version: request.version + 1, updated_at: at })
          .where('id', '=', request.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        markEvidence(trx, [request.activity_id]);
        if (Number(result.numUpdatedRows) !== 1) return false;
        await new AuditRepository(trx).record({
          workspaceId: request.workspace_id,
          actorUserId: null,
          action: 'update',
          entityType: 'b2b_request',
          entityId: request.id,
          changes: { status: ['pending', 'expired'] },
        });
        return true;
      });
      if (changed) expired++;
    }

    const before = new Date(now.getTime() - REMINDER_AFTER_MS).toISOString();
    const toRemind = await db
      .selectFrom('b2b_request as r')
      .innerJoin('b2b_event as e', 'e.id', 'r.event_id')
      .innerJoin('activity as a', 'a.id', 'e.activity_id')
      .innerJoin('b2b_participant as f', 'f.id', 'r.from_participant_id')
      .innerJoin('b2b_participant as t', 't.id', 'r.to_participant_id')
      .where('r.status', '=', 'pending')
      .where('r.reminded_at', 'is', null)
      .where('r.created_at', '<=', before)
      .select([
        'r.id',
        'r.expires_at',
        'e.activity_id',
        'a.title',
        'f.name as from_name',
        't.event_id',
        't.organisation_id',
        't.contact_name',
        't.contact_email',
      ])
      .execute();
    let reminded = 0;
    for (const request of toRemind) {
      const claimed = await writeTransaction(db, async (trx) => {
        const result = await trx
          .updateTable('b2b_request')
          .set({ reminded_at: at })
          .where('id', '=', request.id)
          .where('status', '=', 'pending')
          .where('reminded_at', 'is', null)
          .executeTakeFirst();
        markEvidence(trx, [request.activity_id]);
        return Number(result.numUpdatedRows) === 1;
      });
      if (!claimed) continue;
      try {
        const link = await participantLink(db, this.options.publicUrl, request);
        await this.options.mailer.send({
          to: request.contact_email,
          ...reminderMail({
            eventTitle: request.title,
            contactName: request.contact_name,
            fromName: request.from_name,
            expiresAt: request.expires_at,
            link,
          }),
          userId: null,
          sentByUserId: null,
        });
        reminded++;
      } catch (error) {
        await writeTransaction(db, async (trx) => {
          await trx
            .updateTable('b2b_request')
            .set({ reminded_at: null })
            .where('id', '=', request.id)
            .where('reminded_at', '=', at)
            .execute();
          markEvidence(trx, [request.activity_id]);
        });
        throw error;
      }
    }
    return { expired, reminded };
  }
}
