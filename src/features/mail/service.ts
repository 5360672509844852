import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Mailer } from './mailer.ts';
import { OutboxRepository } from './repository.ts';

/** The development outbox: the mails kept for a user while no SMTP server is set. */
export class OutboxService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly mailer: Mailer,
  ) {}

  /** @throws NotFoundError when mail really leaves through SMTP (there is no outbox then). */
  async listFor(user: { id: string; email: string }, limit: number) {
    if (this.mailer.kind !== 'outbox') throw new NotFoundError('outbox', 'dev');
    const rows = await new OutboxRepository(this.db).listFor(user, limit);
    return {
      items: rows.map((row) => ({
        id: row.id,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
        createdAt: row.created_at,
      })),
    };
  }
}
