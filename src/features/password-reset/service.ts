import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { isLanguage } from '../../domain/i18n/types.ts';
import { AuthRepository } from '../auth/repository.ts';
import { hashPassword, hashSecret, newSecret } from '../auth/secrets.ts';
import type { BackgroundTasks } from '../mail/background.ts';
import type { Mailer } from '../mail/mailer.ts';
import { MESSAGES } from '../mail/messages.ts';
import { PasswordResetRepository } from './repository.ts';

/** How long a reset link works. */
export const RESET_TTL_MS = 3600 * 1000;
/** At most this many reset mails per account per RESET_TTL_MS; more requests are answered alike but send nothing. */
export const MAX_RESETS_PER_HOUR = 3;

/** The same answer whether or not the address has an account (no enumeration). */
export const RESET_REQUESTED =
  'If an account uses this e-mail, a link to choose a new password is on its way. It works once, for one hour.';

const INVALID = 'This password-reset link is not valid, was already used or has expired: ask for a new one.';

export interface PasswordResetServiceOptions {
  db: Kysely<DB>;
  mailer: Mailer;
  background: BackgroundTasks;
  /** Base of the links in mails, e.g. `http://localhost:3000`. */
  publicUrl: string;
  clock?: () => Date;
}

/** Password reset by mail: a single-use link valid for one hour. */
export class PasswordResetService {
  private readonly clock: () => Date;

  constructor(private readonly options: PasswordResetServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Asks for a reset link. Returns at once, before looking the address up: the answer and its
   * timing are the same whether or not the address has an account. The lookup, the token and the
   * mail happen in the background.
   */
  request(email: string): void {
    this.options.background.run('password-reset mail', () => this.issue(email));
  }

  /**
   * Sets a new password with a reset link's token, lifts the lock-out from every source and ends every session.
   * @throws InvalidInputError naming `body.token` for an unknown, used or expired token.
   */
  async confirm(token: string, password: string): Promise<void> {
    const { db } = this.options;
    const reset = await new PasswordResetRepository(db).findByTokenHash(hashSecret(token));
    const now = this.clock().toISOString();
    if (!reset || reset.used_at || reset.expires_at <= now) throw invalidToken();
    const passwordHash = await hashPassword(password);
    await writeTransaction(db, async (trx) => {
      const resets = new PasswordResetRepository(trx);
      if (!(await resets.useAll(reset.id, reset.user_id, now))) throw invalidToken();
      await resets.setPassword(reset.user_id, passwordHash, now);
      const auth = new AuthRepository(trx);
      await auth.clearSignInLocksOfUser(reset.user_id);
      await auth.deleteSessionsOfUser(reset.user_id);
    });
  }

  private async issue(email: string): Promise<void> {
    const { db, mailer, publicUrl } = this.options;
    const user = await new AuthRepository(db).findUserByEmail(email);
    if (!user) return;
    const now = this.clock();
    const hourAgo = new Date(now.getTime() - RESET_TTL_MS).toISOString();
    const token = newSecret();
    const reset = await writeTransaction(db, async (trx) => {
      const resets = new PasswordResetRepository(trx);
      await resets.lockUser(user.id);
      if ((await resets.countSince(user.id, hourAgo)) >= MAX_RESETS_PER_HOUR) return undefined;
      return resets.create({
        userId: user.id,
        tokenHash: hashSecret(token),
        expiresAt: new Date(now.getTime() + RESET_TTL_MS).toISOString(),
        now: now.toISOString(),
      });
    });
    if (!reset) return;
    const content = MESSAGES.passwordReset(
      {
        name: user.name,
        link: `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
        expiresAt: reset.expires_at,
      },
      // In the language the user chose for the Hub (English when none).
      isLanguage(user.language) ? user.language : 'en',
    );
    await mailer.send({ to: user.email, ...content, userId: user.id, sentByUserId: null });
  }
}

function invalidToken(): InvalidInputError {
  return new InvalidInputError(INVALID, [{ field: 'body.token', message: INVALID }]);
}
