import type { Kysely, Selectable } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, MailOutboxTable } from '../../db/schema.ts';
import type { MailMessage } from './mailer.ts';

export type OutboxRow = Selectable<MailOutboxTable>;

/** The only SQL for the development mail outbox. */
export class OutboxRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async store(message: MailMessage): Promise<void> {
    await this.db
      .insertInto('mail_outbox')
      .values({
        id: newId(),
        user_id: message.userId,
        sent_by_user_id: message.sentByUserId,
        to: message.to.toLowerCase(),
        subject: message.subject,
        text: message.text,
        html: message.html,
        created_at: nowIso(),
      })
      .execute();
  }

  /** Mail for the user (by account or address) or caused by them, newest first. */
  listFor(user: { id: string; email: string }, limit: number): Promise<OutboxRow[]> {
    return this.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('user_id', '=', user.id),
          eb('to', '=', user.email.toLowerCase()),
          eb('sent_by_user_id', '=', user.id),
        ]),
      )
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }
}
