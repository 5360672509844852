import { InvalidCredentialsError, TooManyAttemptsError } from '../../domain/errors.ts';
import { isLanguage, type Language } from '../../domain/i18n/types.ts';
import type { Authentication } from '../../http/authentication.ts';
import type { AuthRepository, SessionRow, UserRow } from './repository.ts';
import { hashPassword, hashSecret, newSecret, verifyAgainstDummy, verifyPassword } from './secrets.ts';

/** How long a session lives without use; each use extends it (sliding expiry). */
export const SESSION_IDLE_MS = 14 * 24 * 3600 * 1000;
/**
 * After this many failed sign-ins in a row of one account from one source (client address), that
 * source is locked out of that account for LOCK_MS; each further failure from it locks it again.
 * Other sources are not affected (decision 0017).
 */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MS = 15 * 60 * 1000;
/** Failures of an account from a source older than this are forgotten (the count starts again). */
export const FAILURES_FORGOTTEN_AFTER_MS = 24 * 3600 * 1000;
/**
 * Failed sign-ins one source may make in SOURCE_WINDOW_MS, whatever the e-mails (a successful
 * sign-in gives its attempt back); more are answered 429 until the window ends.
 */
export const SIGN_IN_FAILURES_PER_SOURCE = 20;
export const SOURCE_WINDOW_MS = 15 * 60 * 1000;
/** A session's expiry is written back at most this often (not on every request). */
const TOUCH_EVERY_MS = 60 * 1000;

export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Checks e-mail and password and opens a session.
   * @param source the client's address (`clientSource`): failures are counted per source.
   * @returns the session's secret token (for the cookie; only its hash is stored) and the session.
   * @throws InvalidCredentialsError for a wrong password, an unknown e-mail or an account locked for this source.
   * @throws TooManyAttemptsError when the source used up its budget of failed attempts.
   */
  async signIn(
    email: string,
    password: string,
    source: string,
  ): Promise<{ token: string; session: SessionRow; user: UserRow }> {
    const user = await this.checkPassword(email, password, source);
    return { ...(await this.openSession(user.id)), user };
  }

  /**
   * Checks e-mail and password from a source (sign-in, and accepting an invitation with an existing
   * account). First the source's budget: every attempt takes one, a success gives it back, so only
   * failures use it up, across all e-mails. Then the account's lock for this source: after
   * MAX_FAILED_SIGN_INS failures from it, even the right password is refused from it (not from
   * other sources) for LOCK_MS. A success clears this source's count.
   * @throws TooManyAttemptsError when the source used up its budget (checked before any password).
   * @throws InvalidCredentialsError for a wrong password, an unknown e-mail or an account locked for this source.
   */
  async checkPassword(email: string, password: string, source: string): Promise<UserRow> {
    const now = this.clock();
    const budget = await this.repository.takeSourceAttempt(source, SOURCE_WINDOW_MS, now);
    if (budget.hits > SIGN_IN_FAILURES_PER_SOURCE) {
      const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(budget.expiresAt) - now.getTime()) / 1000));
      throw new TooManyAttemptsError(
        `Too many failed sign-ins from your network address: try again in ${minutesOf(retryAfterSeconds)}.`,
        retryAfterSeconds,
      );
    }
    const user = await this.repository.findUserByEmail(email);
    if (!user?.password_hash) {
      await verifyAgainstDummy(password);
      throw new InvalidCredentialsError();
    }
    const lock = await this.repository.findSignInLock(user.id, source);
    if (lock?.locked_until && new Date(lock.locked_until) > now) {
      await verifyAgainstDummy(password);
      throw new InvalidCredentialsError();
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      await this.repository.recordFailedSignIn({
        userId: user.id,
        source,
        now,
        maxFailures: MAX_FAILED_SIGN_INS,
        lockMs: LOCK_MS,
        forgetBefore: new Date(now.getTime() - FAILURES_FORGOTTEN_AFTER_MS),
      });
      throw new InvalidCredentialsError();
    }
    await this.repository.giveBackSourceAttempt(source, now);
    if (lock) await this.repository.clearSignInLock(user.id, source);
    return user;
  }

  /** Opens a session for a user whose identity is proven. @returns the cookie's secret token (only its hash is stored). */
  async openSession(userId: string): Promise<{ token: string; session: SessionRow }> {
    const token = newSecret();
    const session = await this.repository.createSession({
      tokenHash: hashSecret(token),
      userId,
      csrfToken: newSecret(),
      expiresAt: new Date(this.clock().getTime() + SESSION_IDLE_MS).toISOString(),
    });
    return { token, session };
  }

  /** The signed-in user of a session cookie, or undefined when unknown or expired (then removed). */
  async authenticateSession(token: string): Promise<Authentication | undefined> {
    const session = await this.repository.findSessionByTokenHash(hashSecret(token));
    if (!session) return undefined;
    const now = this.clock();
    if (new Date(session.expires_at) <= now) {
      await this.repository.deleteSession(session.id);
      return undefined;
    }
    const user = await this.repository.findUserById(session.user_id);
    if (!user) return undefined;
    if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await this.repository.touchSession(
        session.id,
        now.toISOString(),
        new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
      );
    }
    return { user: pickUser(user), via: 'session', session };
  }

  /** The owner of a personal API token (`Authorization: Bearer s2id_…`), if live. */
  async authenticateToken(token: string): Promise<Authentication | undefined> {
    const row = await this.repository.findApiTokenByHash(hashSecret(token));
    if (!row || row.revoked_at) return undefined;
    const now = this.clock();
    if (row.expires_at && new Date(row.expires_at) <= now) return undefined;
    const user = await this.repository.findUserById(row.user_id);
    if (!user) return undefined;
    // A write per script request would serialise reads on SQLite: the mark is kept to the minute.
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_EVERY_MS) {
      await this.repository.markApiTokenUsed(row.id, now.toISOString());
    }
    return { user: pickUser(user), via: 'token', token: row };
  }

  signOut(sessionId: string): Promise<void> {
    return this.repository.deleteSession(sessionId);
  }

  /** Ends every session of the user (all browsers); API tokens stay (they are revoked one by one). */
  signOutEverywhere(userId: string): Promise<number> {
    return this.repository.deleteSessionsOfUser(userId);
  }

  /** Creates a personal API token; its secret is returned once and never stored. */
  async createApiToken(userId: string, name: string, expiresInDays: number | null) {
    const secret = newSecret('s2id_');
    const expiresAt =
      expiresInDays === null
        ? null
        : new Date(this.clock().getTime() + expiresInDays * 86_400_000).toISOString();
    const row = await this.repository.createApiToken({
      tokenHash: hashSecret(secret),
      userId,
      name,
      expiresAt,
    });
    return { secret, token: row };
  }

  listApiTokens(userId: string) {
    return this.repository.listApiTokens(userId);
  }

  revokeApiToken(userId: string, id: string) {
    return this.repository.revokeApiToken(userId, id);
  }

  /** The interface language the user chose, or null (follow the browser). */
  async languageOf(userId: string): Promise<Language | null> {
    const user = await this.repository.findUserById(userId);
    return isLanguage(user?.language) ? user.language : null;
  }

  /**
   * Sets the user's interface language (null: follow the browser). A personal preference, not a
   * workspace record: no audit event, and the last choice wins (no version; decision 0024).
   */
  async setLanguage(userId: string, language: Language | null): Promise<void> {
    await this.repository.setLanguage(userId, language);
  }

  listMemberships(userId: string) {
    return this.repository.listMemberships(userId);
  }

  isOperator(userId: string): Promise<boolean> {
    return this.repository.isOperator(userId);
  }

  /** A password hash with the Hub's parameters, for seeding several users with one password. */
  hashForSeed(password: string): Promise<string> {
    return hashPassword(password);
  }

  /** Creates a user with a password (demo data, invitations later). */
  async createUser(email: string, name: string, password: string): Promise<UserRow> {
    return this.repository.createUser({ email, name, passwordHash: await hashPassword(password) });
  }
}

/** `90` → "2 minutes": a wait said in whole minutes, at least one. */
function minutesOf(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function pickUser(user: UserRow): Authentication['user'] {
  return { id: user.id, email: user.email, name: user.name };
}
