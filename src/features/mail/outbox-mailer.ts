import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Mailer, MailMessage } from './mailer.ts';
import { OutboxRepository } from './repository.ts';

/** Keeps mail in the database (development, no `SMTP_URL`): a developer reads it at `GET /api/v1/dev/outbox`. */
export class OutboxMailer implements Mailer {
  readonly kind = 'outbox';
  private readonly outbox: OutboxRepository;

  constructor(db: Kysely<DB>) {
    this.outbox = new OutboxRepository(db);
  }

  async send(message: MailMessage): Promise<void> {
    await this.outbox.store(message);
  }

  async close(): Promise<void> {}
}
