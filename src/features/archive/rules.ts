import type { TableName } from '../../db/workspace-tables.ts';

/**
 * What the archive needs to know beyond the database's catalogue (which gives every table's
 * columns, primary key, foreign keys and blob columns). Keep this short: a table added to
 * WORKSPACE_TABLES is carried without any entry here unless one of its columns holds ids the
 * catalogue cannot see, or a secret.
 */

/** Text columns that hold the id of a record without being a foreign key. */
export const ID_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  audit_event: ['entity_id'],
};

/** JSON columns in which ids of records may appear as string values (saved filters, job parameters, audit changes). */
export const JSON_ID_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  audit_event: ['changes'],
  saved_view: ['query'],
  job: ['params'],
  activity: ['estimate_parameters'],
};

/**
 * Columns whose value is a secret of this deployment: never exported (written as null); an
 * import stores a fresh random value, so a link made by the old deployment does not work here.
 */
export const SECRET_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  invitation: ['token_hash'],
  // An outside participant's e-mail confirmation, event link and calendar feed (issue 22).
  b2b_participant: ['confirmation_token_hash', 'access_token_hash', 'feed_token'],
  // A respondent's personal survey link (issue 23).
  survey_invitation: ['token_hash'],
};

/**
 * Columns unique across the instance that are not secrets (a public page's address, the code in a
 * printed QR code): carried as they are, but a value the instance holds already (an archive
 * imported into the deployment it came from) is replaced with a fresh random one on import.
 */
export const UNIQUE_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  b2b_event: ['public_slug'],
  b2b_participant: ['checkin_code'],
};

/**
 * Columns about the deployment's own processes, reset on import: a job is not resumed by
 * another deployment's workers.
 */
export const RESET_COLUMNS: Partial<Record<TableName, Record<string, unknown>>> = {
  job: { worker_id: null, lease_expires_at: null },
};

/**
 * Tables whose rows are about the people who work in a workspace rather than its content: a
 * workspace holding only these is empty and may receive an archive (its coordinator, who set it
 * up, is a member before importing).
 */
export const NOT_CONTENT_TABLES: ReadonlySet<TableName> = new Set<TableName>([
  'membership',
  'audit_event',
  'invitation',
  'saved_view',
  'job',
  'job_file',
]);

/**
 * The rows of one member organisation (GDPR data portability): per table, a SQL condition on
 * the table's row (aliased `t`) with `:org` standing for the organisation's id. Tables not listed
 * are left out.
 */
export const ORGANISATION_SCOPE: Partial<Record<TableName, string>> = {
  cluster: 't.id in (select cluster_id from organisation where id = :org)',
  organisation: 't.id = :org',
  person: 't.organisation_id = :org',
  activity:
    't.id in (select activity_id from activity_participant where organisation_id = :org or person_id in (select id from person where organisation_id = :org))',
  activity_participant:
    't.organisation_id = :org or t.person_id in (select id from person where organisation_id = :org)',
  membership: 't.organisation_id = :org',
  audit_event:
    't.entity_id = :org or t.entity_id in (select id from person where organisation_id = :org) or t.entity_id in (select id from activity_participant where organisation_id = :org or person_id in (select id from person where organisation_id = :org))',
};
