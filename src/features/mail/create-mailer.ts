import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Mailer, MailSettings } from './mailer.ts';
import { OutboxMailer } from './outbox-mailer.ts';
import { SmtpMailer } from './smtp-mailer.ts';

/**
 * The mailer the settings ask for.
 *
 * @example
 * const mailer = createMailer({ smtpUrl: null, from: 'Hub <hub@localhost>', publicUrl: 'http://localhost:3000' }, db);
 * mailer.kind; // 'outbox'
 */
export function createMailer(settings: MailSettings, db: Kysely<DB>): Mailer {
  return settings.smtpUrl ? new SmtpMailer(settings.smtpUrl, settings.from) : new OutboxMailer(db);
}
