import { type Kysely, sql } from 'kysely';

/**
 * The database enforces the duplicate rules (issue 19, item 4; decision 0015). The use cases check
 * before they write, but on PostgreSQL requests at the same moment all pass the check: parallel
 * creates and imports wrote the same organisation several times, parallel invitations left several
 * pending. Two unique indexes join the two of migration 0003 (registration id and e-mail):
 *
 * - `organisation_workspace_name_key`: one organisation per workspace, country and normalised name
 *   (`normalised_name` is `normaliseOrganisationName(name)`, written with the row: exactly the key
 *   `findDuplicateOrganisations` compares). A name that normalises to nothing ("…") duplicates
 *   nothing under the rule, so those rows are left out of the index;
 * - `invitation_open_email`: one open invitation (neither accepted nor revoked) per workspace and
 *   lower-cased address. Expiry is left out (an index cannot depend on the clock), so a new
 *   invitation revokes the expired open one along with a pending one.
 *
 * A database written before this migration may already hold such duplicates (the races above).
 * Every row is kept; the later duplicates are changed just enough for the index to be built:
 *
 * - the organisations after the first (by id, which is creation order) of one key get
 *   ` #<their id>` appended to their `normalised_name`. Normalisation never produces `#`, so such a
 *   key cannot equal a new organisation's, and ids are unique. Names, search and lists are
 *   unchanged; an edit of the name or country derives the key again and, if it still duplicates
 *   the first organisation, is refused naming it, as any duplicate is;
 * - the open invitations of one address but the newest are revoked now, as inviting the address
 *   again would have done (their links had stopped being the current one).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The first organisation of a key never matches (no earlier id), so the outcome does not depend
  // on the order in which the database visits rows. The lookup uses 0003's name index.
  await sql`
    update organisation
    set normalised_name = normalised_name || ' #' || id
    where normalised_name <> ''
      and exists (
        select 1 from organisation earlier
        where earlier.workspace_id = organisation.workspace_id
          and earlier.country = organisation.country
          and earlier.normalised_name = organisation.normalised_name
          and earlier.id < organisation.id
      )
  `.execute(db);
  await db.schema
    .createIndex('organisation_workspace_name_key')
    .on('organisation')
    .columns(['workspace_id', 'country', 'normalised_name'])
    .unique()
    .where(sql.ref('normalised_name'), '<>', '')
    .execute();
  // 0003's non-unique organisation_workspace_name stays: SQLite can use a partial index only for a
  // query that repeats its condition, and the duplicate look-up (`normalised_name = ?`) does not.

  // Likewise the newest open invitation of an address is never revoked.
  await sql`
    update invitation
    set revoked_at = ${new Date().toISOString()}
    where accepted_at is null
      and revoked_at is null
      and exists (
        select 1 from invitation newer
        where newer.workspace_id = invitation.workspace_id
          and newer.email = invitation.email
          and newer.accepted_at is null
          and newer.revoked_at is null
          and newer.id > invitation.id
      )
  `.execute(db);
  await db.schema
    .createIndex('invitation_open_email')
    .on('invitation')
    .columns(['workspace_id', 'email'])
    .unique()
    .where(sql.ref('accepted_at'), 'is', null)
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
}

/** Drops the indexes; suffixed keys and revoked invitations stay as they are. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('invitation_open_email').execute();
  await db.schema.dropIndex('organisation_workspace_name_key').execute();
}
