/**
 * The rules of workspaces (issue 20, item 1; decision 0021): slugs, settings and logos. Pure, so
 * the server and the web app check the same things.
 */

/** A slug: lower-case letters, digits and single hyphens, 3–40 characters, starting with a letter. */
export const SLUG_PATTERN = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,39}$/;
export const SLUG_MIN = 3;
export const SLUG_MAX = 40;

/** Slugs that name pages or API paths of the Hub (or could mislead): no workspace may take them. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'app',
  'assets',
  'catalogue',
  'docs',
  'help',
  'hub',
  'login',
  'new',
  'operator',
  'root',
  'settings',
  'setup',
  'sign-in',
  'signin',
  'static',
  'support',
  'system',
  'workspace',
  'workspaces',
  'www',
]);

/** Why a slug cannot be used, or null when it can (uniqueness is the database's to say). */
export function slugProblem(slug: string): string | null {
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX) {
    return `must be ${SLUG_MIN} to ${SLUG_MAX} characters long`;
  }
  if (!SLUG_PATTERN.test(slug)) {
    return 'must be lower-case letters, digits and single hyphens, starting with a letter and not ending with a hyphen';
  }
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved by the Hub: choose another`;
  return null;
}

/**
 * A slug suggested from a workspace's name: accents dropped, lower-cased, other characters as
 * hyphens, cut to 40 characters.
 *
 * @example suggestSlug('Orbit Alliance – Région Sud') // 'orbit-alliance-region-sud'
 */
export function suggestSlug(name: string): string {
  let slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  if (slug.length > 0 && slug.length < SLUG_MIN) slug = `${slug}-hub`;
  if (RESERVED_SLUGS.has(slug)) slug = `${slug}-consortium`;
  return slug;
}

export const DEFAULT_CURRENCY = 'EUR';
export const DEFAULT_TIME_ZONE = 'UTC';
/** The day rate when neither an override nor a cluster gives one: EUR 450 in cents (a workspace may change it). */
export const DEFAULT_DAY_RATE_CENTS = 45_000;
/** Largest day rate a workspace may set: EUR 100,000 in cents (an integer column of any database). */
export const MAX_DAY_RATE_CENTS = 10_000_000;

/** Largest logo accepted, in bytes. */
export const MAX_LOGO_BYTES = 256 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** The image type of a logo by its first bytes (magic numbers), never by its name or declared type. */
export function logoTypeOf(bytes: Uint8Array): LogoType | null {
  const starts = (...values: number[]) => values.every((value, index) => bytes[index] === value);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  ) {
    return 'image/webp';
  }
  return null;
}

/**
 * Today's date (`YYYY-MM-DD`) in an IANA time zone.
 *
 * @example todayIn('Pacific/Kiritimati', new Date('2026-12-31T12:00:00Z')) // '2027-01-01'
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The fiscal year containing `today`, when it starts in month `startMonth` (1–12).
 *
 * @example fiscalYear('2026-03-10', 4) // { from: '2025-04-01', to: '2026-03-31' }
 * @example fiscalYear('2026-03-10', 1) // { from: '2026-01-01', to: '2026-12-31' }
 */
export function fiscalYear(today: string, startMonth: number): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  const from = `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(startYear + 1, startMonth - 1, 1) - 86_400_000);
  return { from, to: end.toISOString().slice(0, 10) };
}
