import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { RateLimitRepository, rateLimitKey } from './rate-limit-repository.ts';

export interface SharedRateLimitOptions {
  /** The clock of the windows (default the system's; tests move it). */
  now?: () => Date;
  /** How often expired counters are deleted, at most (default once a minute, on a hit). */
  sweepEveryMs?: number;
  /** A failed sweep (the next hit after `sweepEveryMs` tries again). */
  onSweepError?: (error: unknown) => void;
}

/**
 * What the plugin hands a store: its merged settings — the plugin's for the root store, a route's
 * (with `routeInfo`) for a child. Only the fields this store reads.
 */
interface StoreSettings {
  timeWindow?: unknown;
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for `@fastify/rate-limit` whose counters live in the database (`rate_limit`), so every
 * server sharing it counts the same hits: N servers allow a client the limit once, not N times
 * (decision 0014). One upsert per hit (`RateLimitRepository.hit`); each route counts its own keys,
 * as the in-memory store did; a key is stored as a hash (it holds a client address and an e-mail).
 * Counters whose window ended are deleted now and then, on a hit.
 *
 * Fixed windows only: a route asking for `continueExceeding` or `exponentialBackoff` is refused
 * when it is registered, rather than limited differently than it asked.
 *
 * @example
 * await app.register(fastifyRateLimit, { global: false, store: sharedRateLimitStore(db) });
 */
export function sharedRateLimitStore(
  db: Kysely<DB>,
  options: SharedRateLimitOptions = {},
): FastifyRateLimitStoreCtor {
  const repository = new RateLimitRepository(db);
  const now = options.now ?? (() => new Date());
  const sweepEveryMs = options.sweepEveryMs ?? 60_000;
  let lastSweep = Number.NEGATIVE_INFINITY;

  const sweepNowAndThen = (at: Date) => {
    if (at.getTime() - lastSweep < sweepEveryMs) return;
    lastSweep = at.getTime();
    repository.deleteExpired(at).catch((error: unknown) => options.onSweepError?.(error));
  };

  class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly defaultWindowMs: number;

    constructor(
      settings: StoreSettings,
      private readonly route = '',
    ) {
      if (settings.continueExceeding || settings.exponentialBackoff) {
        throw new Error(
          `rate limit of ${route || 'the app'}: the shared store counts fixed windows only (no continueExceeding or exponentialBackoff)`,
        );
      }
      this.defaultWindowMs = typeof settings.timeWindow === 'number' ? settings.timeWindow : 60_000;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow?: number,
    ): void {
      const at = now();
      const windowMs = timeWindow ?? this.defaultWindowMs;
      repository.hit(this.storedKey(key), windowMs, at).then(
        ({ hits, expiresAt }) => {
          callback(null, { current: hits, ttl: Math.max(0, Date.parse(expiresAt) - at.getTime()) });
          sweepNowAndThen(at);
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const settings = routeOptions as unknown as StoreSettings;
      const { method = '', url = '' } = settings.routeInfo ?? {};
      return new SharedRateLimitStore(settings, `${[method].flat().join(',')} ${url}`);
    }

    private storedKey(key: string): string {
      return rateLimitKey(this.route, key);
    }
  }

  return SharedRateLimitStore;
}
