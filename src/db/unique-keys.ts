/**
 * The unique indexes behind the registry's duplicate rules, and which of them a refused write hit.
 *
 * The use cases check for a duplicate before they write and name the record it duplicates. Two
 * requests at the same moment both pass that check on PostgreSQL (SQLite runs one write at a time);
 * the index refuses the later write, and the use case turns the refusal into the same answer as
 * its check (decision 0015). Each index holds the rule's key as the domain computes it, in a column
 * written with the row: `normalised_name` (`normaliseOrganisationName`), `registration_id`
 * (`normaliseRegistrationId`), and the lower-cased `email` of people and invitations.
 *
 * The drivers say differently which index refused a write: PostgreSQL names it in `constraint`;
 * SQLite's message names the table's columns ("UNIQUE constraint failed: person.workspace_id,
 * person.email"). This module is the one place that reads either.
 */
export const UNIQUE_KEYS = {
  /** Migration 0014: the same normalised name in the same country (names without a key excepted). */
  organisationName: {
    index: 'organisation_workspace_name_key',
    table: 'organisation',
    columns: ['workspace_id', 'country', 'normalised_name'],
  },
  /** Migration 0003: the same normalised registration id. */
  organisationRegistration: {
    index: 'organisation_workspace_registration',
    table: 'organisation',
    columns: ['workspace_id', 'registration_id'],
  },
  /** Migration 0003: the same lower-cased e-mail. */
  personEmail: { index: 'person_workspace_email', table: 'person', columns: ['workspace_id', 'email'] },
  /** Migration 0024: a network organisation with the same normalised name in the same country. */
  networkOrganisationName: {
    index: 'network_organisation_name_key',
    table: 'network_organisation',
    columns: ['workspace_id', 'country', 'normalised_name'],
  },
  /** Migration 0024: a network person with the same lower-cased e-mail. */
  networkPersonEmail: {
    index: 'network_person_workspace_email',
    table: 'network_person',
    columns: ['workspace_id', 'email'],
  },
  /** Migration 0014: one invitation neither accepted nor revoked per lower-cased address. */
  openInvitation: {
    index: 'invitation_open_email',
    table: 'invitation',
    columns: ['workspace_id', 'email'],
  },
} as const satisfies Record<string, { index: string; table: string; columns: readonly string[] }>;

export type UniqueKey = keyof typeof UNIQUE_KEYS;

/** A unique index refused a write: SQLite (better-sqlite3) or PostgreSQL (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * Which of the duplicate rules' indexes refused this write; null for any other error (another
 * unique index, another constraint, anything else).
 *
 * @example
 * try { await repository.create(…) } catch (error) {
 *   if (violatedUniqueKey(error) === 'personEmail') throw new InvalidInputError(…);
 *   throw error;
 * }
 */
export function violatedUniqueKey(error: unknown): UniqueKey | null {
  if (!isUniqueViolation(error)) return null;
  const { constraint, message } = error as { constraint?: unknown; message?: unknown };
  const columns = typeof message === 'string' ? sqliteColumns(message) : null;
  for (const [key, spec] of Object.entries(UNIQUE_KEYS) as [UniqueKey, (typeof UNIQUE_KEYS)[UniqueKey]][]) {
    if (constraint === spec.index) return key;
    if (
      columns &&
      columns.length === spec.columns.length &&
      spec.columns.every((column) => columns.includes(`${spec.table}.${column}`))
    ) {
      return key;
    }
  }
  return null;
}

/** "UNIQUE constraint failed: person.workspace_id, person.email" → ['person.workspace_id', 'person.email']. */
function sqliteColumns(message: string): string[] | null {
  const match = /^UNIQUE constraint failed: (.+)$/.exec(message);
  if (!match?.[1] || match[1].startsWith('index ')) return null;
  return match[1].split(',').map((column) => column.trim());
}
