import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * The stored key of a counter: a hash of what it counts (`scope`: a route, or a budget's name)
 * and the request's key in it (a client address, an e-mail), so no address or e-mail is stored.
 *
 * @example
 * rateLimitKey('POST /api/v1/auth/sign-in', '192.0.2.1|ana@example.test'); // 43 base64url characters
 */
export function rateLimitKey(scope: string, key: string): string {
  return createHash('sha256').update(`${scope}\n${key}`).digest('base64url');
}

/** A counter after a hit: the hits in the current window and when that window ends (UTC ISO). */
export interface RateLimitCount {
  hits: number;
  expiresAt: string;
}

/**
 * The only SQL of the shared rate limits (`rate_limit`, migration 0013): one row per route and
 * key, counting hits in a fixed window.
 */
export class RateLimitRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Counts one hit of `key`: the first hit, or the first after the window ended, opens a window of
   * `windowMs` from `now` with one hit; any other adds one. A single upsert (`insert … on conflict
   * (key) do update`), so servers counting the same key at once never lose a hit, on SQLite
   * (≥ 3.24) and PostgreSQL alike.
   *
   * @example
   * const { hits } = await repository.hit(key, 60_000, new Date()); // 1, 2, 3, … within the minute
   */
  async hit(key: string, windowMs: number, now: Date): Promise<RateLimitCount> {
    const at = now.toISOString();
    const row = await this.db
      .insertInto('rate_limit')
      .values({ key, hits: 1, expires_at: new Date(now.getTime() + windowMs).toISOString() })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet((eb) => {
          const ended = eb('rate_limit.expires_at', '<=', at);
          return {
            hits: eb
              .case()
              .when(ended)
              .then(1)
              .else(eb('rate_limit.hits', '+', 1))
              .end(),
            expires_at: eb
              .case()
              .when(ended)
              .then(eb.ref('excluded.expires_at'))
              .else(eb.ref('rate_limit.expires_at'))
              .end(),
          };
        }),
      )
      .returning(['hits', 'expires_at'])
      .executeTakeFirstOrThrow();
    return { hits: Number(row.hits), expiresAt: row.expires_at };
  }

  /**
   * Takes one hit back from `key`'s current window (an attempt that turned out not to count, such
   * as a successful sign-in); nothing when the window ended or no hit is left.
   */
  async giveBack(key: string, now: Date): Promise<void> {
    await this.db
      .updateTable('rate_limit')
      .set((eb) => ({ hits: eb('hits', '-', 1) }))
      .where('key', '=', key)
      .where('expires_at', '>', now.toISOString())
      .where('hits', '>', 0)
      .execute();
  }

  /** Removes the counters whose window ended before `now`; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('rate_limit')
      .where('expires_at', '<=', now.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
