import type { Kysely } from 'kysely';

/**
 * The language a user chose for the interface (issue 20, item 4; decision 0024): `app_user.language`,
 * a code of `LANGUAGES` (`en`, `fr`, `es`, `it`, `el`, `pl`), or null while the user has not chosen
 * one (the web app then follows the browser's languages). Funder reports default to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('language').execute();
}
