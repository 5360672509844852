/** One mail as the Hub writes it: plain text plus a simple HTML version. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The account the mail is for, when the recipient has one. */
  userId: string | null;
  /** Who caused the mail (the inviting coordinator), if anyone. */
  sentByUserId: string | null;
  /** Files attached (an agenda's `.ics`); the SMTP mailer sends them, the outbox keeps the mail only. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Where mail goes: an SMTP server, or the database outbox in development. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** How the Hub sends mail and where the links in it point (from `SMTP_URL`, `MAIL_FROM`, `PUBLIC_URL`). */
export interface MailSettings {
  /** null: keep mail in the `mail_outbox` table, shown by `GET /api/v1/dev/outbox`. */
  smtpUrl: string | null;
  from: string;
  /** Base of the links in mails, without a trailing slash. */
  publicUrl: string;
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  smtpUrl: null,
  from: 'SPACE2ID Hub <no-reply@localhost>',
  publicUrl: 'http://localhost:3000',
};
