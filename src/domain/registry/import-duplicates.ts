/**
 * Duplicate detection for an import: each row against the workspace's records (loaded once) and
 * against the earlier rows of the same file. The same rules as the create endpoints: the same
 * registration id, or the same normalised name in the same country; for people the same e-mail.
 * Pure: no I/O.
 */
import { normaliseOrganisationName, normaliseRegistrationId } from './duplicates.ts';

export type DuplicateOfReason = 'registration id' | 'name and country' | 'e-mail' | 'same file';

/** What a row duplicates: a stored record (`id`), or an earlier row of the file (`row`, id null). */
export interface DuplicateOf {
  id: string | null;
  name: string;
  reason: DuplicateOfReason;
  /** For `same file`: the 0-based index of the earlier row. */
  row?: number;
}

interface OrganisationEntry {
  id: string | null;
  name: string;
  row?: number;
}

/**
 * @example
 * const index = new OrganisationDuplicateIndex([{ id: 'o1', name: 'Orbitech', normalisedName: 'orbitech', country: 'ES', registrationId: null }]);
 * index.find({ name: 'ORBITECH S.L.', country: 'ES', registrationId: null }); // { id: 'o1', name: 'Orbitech', reason: 'name and country' }
 */
export class OrganisationDuplicateIndex {
  private readonly stored = {
    registration: new Map<string, OrganisationEntry>(),
    name: new Map<string, OrganisationEntry>(),
  };
  private readonly file = {
    registration: new Map<string, OrganisationEntry>(),
    name: new Map<string, OrganisationEntry>(),
  };

  constructor(
    existing: Iterable<{
      id: string;
      name: string;
      normalisedName: string;
      country: string;
      registrationId: string | null;
    }>,
  ) {
    for (const row of existing) {
      const entry = { id: row.id, name: row.name };
      if (row.registrationId)
        this.stored.registration.set(normaliseRegistrationId(row.registrationId), entry);
      this.stored.name.set(nameKey(row.normalisedName, row.country), entry);
    }
  }

  /** The record or earlier row this organisation duplicates, or null. */
  find(candidate: { name: string; country: string; registrationId: string | null }): DuplicateOf | null {
    const registration = candidate.registrationId ? normaliseRegistrationId(candidate.registrationId) : '';
    const name = nameKey(normaliseOrganisationName(candidate.name), candidate.country);
    const stored = registration ? this.stored.registration.get(registration) : undefined;
    if (stored) return { id: stored.id, name: stored.name, reason: 'registration id' };
    const sameName = this.stored.name.get(name);
    if (sameName) return { id: sameName.id, name: sameName.name, reason: 'name and country' };
    const earlier =
      (registration ? this.file.registration.get(registration) : undefined) ?? this.file.name.get(name);
    if (earlier) return { id: null, name: earlier.name, reason: 'same file', row: earlier.row as number };
    return null;
  }

  /** Remembers a row that will be imported, so later rows of the file are checked against it. */
  addRow(candidate: { name: string; country: string; registrationId: string | null }, row: number): void {
    const entry = { id: null, name: candidate.name, row };
    if (candidate.registrationId)
      this.file.registration.set(normaliseRegistrationId(candidate.registrationId), entry);
    this.file.name.set(nameKey(normaliseOrganisationName(candidate.name), candidate.country), entry);
  }
}

function nameKey(normalisedName: string, country: string): string {
  return `${country}\u0000${normalisedName}`;
}

/** People: the same e-mail (compared lower-cased) in the workspace or earlier in the file. */
export class PersonDuplicateIndex {
  private readonly stored = new Map<string, { id: string; name: string }>();
  private readonly file = new Map<string, { name: string; row: number }>();

  constructor(existing: Iterable<{ id: string; name: string; email: string | null }>) {
    for (const row of existing)
      if (row.email) this.stored.set(row.email.toLowerCase(), { id: row.id, name: row.name });
  }

  find(candidate: { email: string | null }): DuplicateOf | null {
    if (!candidate.email) return null;
    const email = candidate.email.toLowerCase();
    const stored = this.stored.get(email);
    if (stored) return { id: stored.id, name: stored.name, reason: 'e-mail' };
    const earlier = this.file.get(email);
    if (earlier) return { id: null, name: earlier.name, reason: 'same file', row: earlier.row };
    return null;
  }

  addRow(candidate: { name: string; email: string | null }, row: number): void {
    if (candidate.email) this.file.set(candidate.email.toLowerCase(), { name: candidate.name, row });
  }
}
