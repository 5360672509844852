/**
 * The one rule every mailing to network people uses (issue 21, GDPR): a person may be mailed only
 * when they gave consent (basis `consent`, with the day it was given), have not been erased, and
 * have an e-mail address. Legitimate interest or a contract is a basis for holding the data, not
 * for adding the person to a mailing. Pure: no I/O.
 */
import type { ConsentBasis } from './types.ts';

export interface MailablePerson {
  email: string | null;
  consentBasis: ConsentBasis | string | null;
  /** YYYY-MM-DD, the day consent was given. */
  consentOn: string | null;
  /** Set when the person was erased. */
  erasedAt: string | null;
}

/**
 * Whether the person may be added to a mailing (newsletter, invitation list, digest of events).
 *
 * @example
 * mayBeMailed({ email: 'a@b.eu', consentBasis: 'consent', consentOn: '2026-03-01', erasedAt: null }); // true
 * mayBeMailed({ email: 'a@b.eu', consentBasis: 'legitimate_interest', consentOn: '2026-03-01', erasedAt: null }); // false
 */
export function mayBeMailed(person: MailablePerson): boolean {
  if (person.erasedAt !== null) return false;
  if (person.consentBasis !== 'consent') return false;
  if (person.consentOn === null || !/^\d{4}-\d{2}-\d{2}$/.test(person.consentOn)) return false;
  return person.email !== null && person.email.trim() !== '';
}
