import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { type Database, openDatabase } from '../database.ts';
import { newId, nowIso } from '../ids.ts';
import { migrateToLatest } from '../migrate.ts';
import { violatedUniqueKey } from '../unique-keys.ts';
import { MIGRATIONS } from './index.ts';

const THIS_MIGRATION = '0014-unique-keys';

describe.each(testDialects())('migration 0014 (unique keys) on %s', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;

  beforeEach(async () => {
    testDatabase = await createTestDatabase(kind);
    database = openDatabase(testDatabase.url);
    // The schema just before this migration, whatever lands before it.
    const previous = Object.keys(MIGRATIONS)
      .filter((name) => name < THIS_MIGRATION)
      .sort()
      .at(-1) as string;
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => MIGRATIONS } });
    const { error } = await migrator.migrateTo(previous);
    if (error) throw error;
  });
  afterEach(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it('is built over the duplicates that races left, keeping every row, and refuses new ones', async () => {
    const db = database.db;
    const factory = new Factory(db);
    // Workspaces as the schema before this migration has them (later migrations add columns).
    const oldWorkspace = async (slug: string) => {
      const row = { id: newId(), slug, name: 'Test consortium', created_at: nowIso() };
      await db.insertInto('workspace').values(row).execute();
      return row;
    };
    const workspace = await oldWorkspace('ws-unique-keys');
    const elsewhere = await oldWorkspace('ws-elsewhere');
    const cluster = await factory.cluster(workspace.id);
    const otherCluster = await factory.cluster(elsewhere.id);
    const organisation = (name: string, key: string, country = 'ES', workspaceId = workspace.id) =>
      factory.organisation(workspaceId, workspaceId === workspace.id ? cluster.id : otherCluster.id, {
        name,
        normalised_name: key,
        country,
      });
    // Three copies of one organisation, as parallel creates left them, in creation order.
    const first = await organisation('Orbitech S.L.', 'orbitech');
    const second = await organisation('ORBITECH', 'orbitech');
    const third = await organisation('Orbitech SL', 'orbitech');
    // Not duplicates: another country, another workspace, and names without a key.
    const inFrance = await organisation('Orbitech', 'orbitech', 'FR');
    const inOtherWorkspace = await organisation('Orbitech', 'orbitech', 'ES', elsewhere.id);
    const dots = await organisation('...', '');
    const dashes = await organisation('---', '');

    const now = Date.now();
    const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
    const invitation = async (
      email: string,
      state: { accepted?: boolean; revoked?: boolean; expired?: boolean },
    ) => {
      const id = newId();
      await db
        .insertInto('invitation')
        .values({
          id,
          workspace_id: workspace.id,
          email,
          name: 'Nina',
          role: 'viewer',
          cluster_id: null,
          organisation_id: null,
          token_hash: `hash-${id}`,
          expires_at: state.expired ? at(-60_000) : at(3_600_000),
          accepted_at: state.accepted ? at(-1_000) : null,
          revoked_at: state.revoked ? at(-1_000) : null,
          created_by: null,
          created_at: at(-120_000),
        })
        .execute();
      return id;
    };
    const accepted = await invitation('nina@example.test', { accepted: true });
    const revoked = await invitation('nina@example.test', { revoked: true });
    const expiredOpen = await invitation('nina@example.test', { expired: true });
    const olderPending = await invitation('nina@example.test', {});
    const newestPending = await invitation('nina@example.test', {});
    const otherAddress = await invitation('otto@example.test', {});

    const organisationsBefore = await db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .orderBy('id')
      .execute();
    const invitationsBefore = await db.selectFrom('invitation').select('id').orderBy('id').execute();

    await migrateToLatest(db);

    // Every row is still there, with its name.
    expect(await db.selectFrom('organisation').select(['id', 'name']).orderBy('id').execute()).toEqual(
      organisationsBefore,
    );
    expect(await db.selectFrom('invitation').select('id').orderBy('id').execute()).toEqual(invitationsBefore);
    // The first organisation keeps its key; the later copies get one that cannot collide.
    const keys = Object.fromEntries(
      (await db.selectFrom('organisation').select(['id', 'normalised_name']).execute()).map((row) => [
        row.id,
        row.normalised_name,
      ]),
    );
    expect(keys).toEqual({
      [first.id]: 'orbitech',
      [second.id]: `orbitech #${second.id}`,
      [third.id]: `orbitech #${third.id}`,
      [inFrance.id]: 'orbitech',
      [inOtherWorkspace.id]: 'orbitech',
      [dots.id]: '',
      [dashes.id]: '',
    });
    // The newest open invitation of an address stays; older open ones are revoked, as a new
    // invitation would have done; accepted and revoked ones are untouched.
    const invitations = Object.fromEntries(
      (await db.selectFrom('invitation').select(['id', 'accepted_at', 'revoked_at']).execute()).map((row) => [
        row.id,
        { accepted: row.accepted_at !== null, revoked: row.revoked_at !== null },
      ]),
    );
    expect(invitations).toEqual({
      [accepted]: { accepted: true, revoked: false },
      [revoked]: { accepted: false, revoked: true },
      [expiredOpen]: { accepted: false, revoked: true },
      [olderPending]: { accepted: false, revoked: true },
      [newestPending]: { accepted: false, revoked: false },
      [otherAddress]: { accepted: false, revoked: false },
    });

    // From now on the database refuses duplicates itself, and says which rule.
    const refusal = async (write: () => Promise<unknown>) => {
      try {
        await write();
      } catch (error) {
        return violatedUniqueKey(error);
      }
      return 'written';
    };
    expect(await refusal(() => organisation('Orbitech', 'orbitech'))).toBe('organisationName');
    expect(await organisation('***', '')).toMatchObject({ normalised_name: '' });
    await factory.organisation(workspace.id, cluster.id, { registration_id: 'ESB123' });
    expect(
      await refusal(() => factory.organisation(workspace.id, cluster.id, { registration_id: 'ESB123' })),
    ).toBe('organisationRegistration');
    await factory.person(workspace.id, null, { email: 'ines@example.test' });
    expect(await refusal(() => factory.person(workspace.id, null, { email: 'ines@example.test' }))).toBe(
      'personEmail',
    );
    expect(await refusal(() => invitation('otto@example.test', {}))).toBe('openInvitation');
    expect(await refusal(() => invitation('otto@example.test', { revoked: true }))).toBe('written');
    // Another unique index is not one of the rules.
    expect(
      await refusal(() =>
        db
          .insertInto('workspace')
          .values({ ...workspace })
          .execute(),
      ),
    ).toBeNull();
  });
});
