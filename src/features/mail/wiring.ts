import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.ts';
import type { AuthService } from '../auth/service.ts';
import { acceptInvitationRoutes, invitationRoutes } from '../invitations/routes.ts';
import { InvitationService } from '../invitations/service.ts';
import { passwordResetRoutes } from '../password-reset/routes.ts';
import { PasswordResetService } from '../password-reset/service.ts';
import { BackgroundTasks } from './background.ts';
import { createMailer, DEFAULT_MAIL_SETTINGS, type Mailer, type MailSettings } from './mailer.ts';
import { outboxRoutes } from './routes.ts';

export interface MailFeatureOptions {
  database: Database;
  auth: AuthService;
  settings?: Partial<MailSettings>;
  clock?: () => Date;
  background?: BackgroundTasks;
  log: FastifyBaseLogger;
}

/** Everything that sends mail, assembled for `buildApp`: the mailer, its services and their routes. */
export interface MailFeatures {
  mailer: Mailer;
  /** `/auth/accept-invitation`, `/auth/password-reset*`, `/dev/outbox` (under `/api/v1`). */
  publicRoutes: FastifyPluginAsyncZod;
  /** `/invitations*`, inside the workspace scope. */
  workspaceRoutes: FastifyPluginAsyncZod;
  /** Waits for mail still being sent, then closes the SMTP connection pool. */
  close(): Promise<void>;
}

export function mailFeatures(options: MailFeatureOptions): MailFeatures {
  const settings: MailSettings = { ...DEFAULT_MAIL_SETTINGS, ...options.settings };
  const { db } = options.database;
  const mailer = createMailer(settings, db);
  const background =
    options.background ?? new BackgroundTasks((err, name) => options.log.error({ err }, `${name} failed`));
  const clock = options.clock ?? (() => new Date());
  const invitations = new InvitationService({
    db,
    auth: options.auth,
    mailer,
    publicUrl: settings.publicUrl,
    clock,
  });
  const resets = new PasswordResetService({ db, mailer, background, publicUrl: settings.publicUrl, clock });
  return {
    mailer,
    publicRoutes: async (app) => {
      await app.register(acceptInvitationRoutes(invitations));
      await app.register(passwordResetRoutes(resets));
      await app.register(outboxRoutes(options.database, mailer, options.auth));
    },
    workspaceRoutes: invitationRoutes(invitations),
    async close() {
      await background.idle();
      await mailer.close();
    },
  };
}
