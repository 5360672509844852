/**
 * Rules of the public registration (issue 22 item 2, decision 0035). Pure, no I/O.
 */

/** How long a confirmation link works. */
export const CONFIRMATION_TTL_MS = 72 * 3600 * 1000;

/** Rate limits of the public routes, per client source (and e-mail for the registration). */
export const REGISTRATION_RATE = { max: 5, timeWindow: '1 minute' } as const;
export const PUBLIC_EVENT_RATE = { max: 120, timeWindow: '1 minute' } as const;
export const CONFIRM_RATE = { max: 20, timeWindow: '1 minute' } as const;
export const ACCESS_RATE = { max: 5, timeWindow: '1 minute' } as const;

/** The consent a registrant gives on the public page (kept with the registration). */
export function consentText(eventTitle: string, organiser: string): string {
  return `I agree that ${organiser} processes the data of this registration (organisation, representatives, e-mail addresses) to run ${eventTitle}: to show our profile to the other participants, to arrange meetings and to send the agenda. The data is deleted or kept in the organisers' network only as agreed below.`;
}

export function networkConsentText(organiser: string): string {
  return `${organiser} may keep our organisation and representatives in its network of contacts after the event (we may ask for their removal at any time).`;
}

/** Whether registration is open at `now`: the event is open and within its registration dates. */
export function registrationOpen(
  event: { status: string; registrationOpensAt: string | null; registrationClosesAt: string | null },
  now: Date,
): boolean {
  const at = now.toISOString();
  if (event.status !== 'open') return false;
  if (event.registrationOpensAt && at < event.registrationOpensAt) return false;
  if (event.registrationClosesAt && at >= event.registrationClosesAt) return false;
  return true;
}

/** Paths (`unavailable.N`) of instants that are not start instants of the event's slots. */
export function unknownSlots(unavailable: readonly string[], slotStarts: readonly string[]): number[] {
  const known = new Set(slotStarts.map((s) => Date.parse(s)));
  return unavailable.flatMap((instant, i) => (known.has(Date.parse(instant)) ? [] : [i]));
}

/** The instants as stored: UTC ISO (`…Z`), sorted, once each. */
export function normaliseInstants(unavailable: readonly string[]): string[] {
  return [...new Set(unavailable.map((s) => new Date(Date.parse(s)).toISOString()))].sort();
}
