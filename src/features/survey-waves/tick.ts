import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { AuditRepository } from '../audit/repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import { WaveRepository } from './repository.ts';
import { remindInvitations } from './service.ts';

export interface SurveyTickRun {
  /** Open waves past their `closes_at`, now closed. */
  closed: number;
  /** Automatic reminders sent by this run. */
  reminded: number;
}

const DAY_MS = 86_400_000;

/**
 * The periodic work of survey waves (`space2id surveys tick`, decision 0042): open waves past
 * their closing time close, and each respondent who has not completed gets ONE automatic reminder
 * `reminder_after_days` after the invitation. Safe with several servers: closing is conditional on
 * the status and the version, a reminder on the invitation's reminder count, so only the server
 * whose update changed the row acts; running it twice does nothing more.
 */
export class SurveyTickService {
  private readonly clock: () => Date;

  constructor(
    private readonly options: { db: Kysely<DB>; mailer: Mailer; publicUrl: string; clock?: () => Date },
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async tick(now: Date = this.clock()): Promise<SurveyTickRun> {
    const at = now.toISOString();
    const { db } = this.options;
    const waves = new WaveRepository(db);
    let closed = 0;
    for (const wave of await waves.dueToClose(at)) {
      const changed = await writeTransaction(db, async (trx) => {
        const result = await trx
          .updateTable('survey_wave')
          .set({ status: 'closed', closed_at: at, version: Number(wave.version) + 1, updated_at: at })
          .where('id', '=', wave.id)
          .where('status', '=', 'open')
          .where('version', '=', wave.version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await new AuditRepository(trx).record({
          workspaceId: wave.workspace_id,
          actorUserId: null,
          action: 'update',
          entityType: 'survey_wave',
          entityId: wave.id,
          changes: { status: ['open', 'closed'], closes_at: [wave.closes_at, wave.closes_at] },
        });
        return true;
      });
      if (changed) closed++;
    }

    const due = (await waves.dueForReminder(now)).filter(
      (row) =>
        row.sent_at !== null &&
        row.reminder_after_days !== null &&
        new Date(row.sent_at).getTime() + row.reminder_after_days * DAY_MS <= now.getTime(),
    );
    const byWave = new Map<string, typeof due>();
    for (const row of due) byWave.set(row.wave_id, [...(byWave.get(row.wave_id) ?? []), row]);
    let reminded = 0;
    for (const [waveId, pending] of byWave) {
      const wave = await db
        .selectFrom('survey_wave')
        .where('id', '=', waveId)
        .select(['workspace_id', 'name', 'closes_at', 'anonymous'])
        .executeTakeFirstOrThrow();
      reminded += await remindInvitations(this.options, wave, pending, now, null);
    }
    return { closed, reminded };
  }
}
