import { createRequire } from 'node:module';
import type nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from './mailer.ts';

/** Sends through an SMTP server (`SMTP_URL`), with nodemailer. */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    // Loaded only when mail goes through SMTP (0.1 s at start-up otherwise).
    const mailer: typeof nodemailer = createRequire(import.meta.url)('nodemailer');
    this.transport = mailer.createTransport(url);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      ...(message.attachments && message.attachments.length > 0
        ? {
            attachments: message.attachments.map((a) => ({
              filename: a.fileName,
              contentType: a.contentType,
              content: a.content,
            })),
          }
        : {}),
    });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
