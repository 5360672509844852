import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Network health (issue 21 item 5, decision 0032): the day of the last interaction kept on each
 * relationship and network organisation by triggers, so the health list is an index range scan
 * (p95 < 50 ms over 20,000 relationships and 200,000 interactions) instead of one "latest
 * interaction" look-up per relationship and a sort.
 *
 * - `network_organisation.last_interaction_on`: the latest `interaction.occurred_on` with it.
 * - `relationship.last_interaction_on`: the same, for its counterpart network organisation (null
 *   for a member counterpart, or before any interaction).
 * - `relationship.health_on`: the day days-since counts from: the last interaction, else
 *   `started_on`. Indexed with the workspace (and with the stage, for the decaying count).
 *
 * Triggers keep them whoever writes: the interactions and relationships features, a merge of
 * duplicates, an archive import. An insert moves the day forward (`max`, which also holds when two
 * PostgreSQL transactions add interactions at once); an edit or a delete recomputes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('network_organisation').addColumn('last_interaction_on', 'text').execute();
  await db.schema.alterTable('relationship').addColumn('last_interaction_on', 'text').execute();
  await db.schema
    .alterTable('relationship')
    .addColumn('health_on', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  // Rows that exist already.
  await sql`update network_organisation set last_interaction_on =
    (select max(i.occurred_on) from interaction i where i.network_organisation_id = network_organisation.id)`.execute(
    db,
  );
  await sql`update relationship set last_interaction_on =
    (select max(i.occurred_on) from interaction i where i.network_organisation_id = relationship.network_organisation_id)`.execute(
    db,
  );
  await sql`update relationship set health_on = coalesce(last_interaction_on, started_on)`.execute(db);

  await db.schema
    .createIndex('relationship_workspace_health')
    .on('relationship')
    .columns(['workspace_id', 'health_on', 'id'])
    .execute();
  await db.schema
    .createIndex('relationship_workspace_stage_health')
    .on('relationship')
    .columns(['workspace_id', 'stage', 'health_on'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await postgresTriggers(db);
  } else {
    await sqliteTriggers(db);
  }
}

const recomputeOrganisation = (org: string) =>
  `update network_organisation set last_interaction_on =
      (select max(i.occurred_on) from interaction i where i.network_organisation_id = network_organisation.id)
    where id = ${org};`;

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`create function relationship_health_fill() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.network_organisation_id is distinct from old.network_organisation_id then
    new.last_interaction_on := (select max(i.occurred_on) from interaction i
      where i.network_organisation_id = new.network_organisation_id);
  end if;
  new.health_on := coalesce(new.last_interaction_on, new.started_on);
  return new;
end $$`)
    .execute(db);
  await sql
    .raw(`create trigger relationship_health_fill before insert or update on relationship
  for each row execute function relationship_health_fill()`)
    .execute(db);
  await sql
    .raw(`create function interaction_health_refresh() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    update network_organisation set last_interaction_on = greatest(last_interaction_on, new.occurred_on)
      where id = new.network_organisation_id;
    update relationship set last_interaction_on = greatest(last_interaction_on, new.occurred_on)
      where network_organisation_id = new.network_organisation_id;
    return null;
  end if;
  ${recomputeOrganisation('old.network_organisation_id')}
  update relationship set last_interaction_on = (select max(i.occurred_on) from interaction i
      where i.network_organisation_id = relationship.network_organisation_id)
    where network_organisation_id = old.network_organisation_id;
  if tg_op = 'UPDATE' and new.network_organisation_id is distinct from old.network_organisation_id then
    ${recomputeOrganisation('new.network_organisation_id')}
    update relationship set last_interaction_on = (select max(i.occurred_on) from interaction i
        where i.network_organisation_id = relationship.network_organisation_id)
      where network_organisation_id = new.network_organisation_id;
  end if;
  return null;
end $$`)
    .execute(db);
  await sql
    .raw(`create trigger interaction_health_refresh
  after insert or delete or update of occurred_on, network_organisation_id on interaction
  for each row execute function interaction_health_refresh()`)
    .execute(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const fillRelationship = `update relationship set
      last_interaction_on = (select max(i.occurred_on) from interaction i where i.network_organisation_id = new.network_organisation_id),
      health_on = coalesce((select max(i.occurred_on) from interaction i where i.network_organisation_id = new.network_organisation_id), new.started_on)
    where id = new.id;`;
  const recomputeRelationships = (org: string) => `update relationship set
      last_interaction_on = (select max(i.occurred_on) from interaction i where i.network_organisation_id = relationship.network_organisation_id),
      health_on = coalesce((select max(i.occurred_on) from interaction i where i.network_organisation_id = relationship.network_organisation_id), started_on)
    where network_organisation_id = ${org};`;
  for (const statement of [
    `create trigger relationship_health_insert after insert on relationship begin ${fillRelationship} end`,
    `create trigger relationship_health_update after update of started_on, network_organisation_id on relationship
      begin ${fillRelationship} end`,
    `create trigger interaction_health_insert after insert on interaction begin
      update network_organisation set last_interaction_on = max(coalesce(last_interaction_on, ''), new.occurred_on)
        where id = new.network_organisation_id;
      update relationship set
          last_interaction_on = max(coalesce(last_interaction_on, ''), new.occurred_on),
          health_on = max(coalesce(last_interaction_on, ''), new.occurred_on)
        where network_organisation_id = new.network_organisation_id;
    end`,
    `create trigger interaction_health_update after update of occurred_on, network_organisation_id on interaction begin
      ${recomputeOrganisation('old.network_organisation_id')}
      ${recomputeOrganisation('new.network_organisation_id')}
      ${recomputeRelationships('old.network_organisation_id')}
      ${recomputeRelationships('new.network_organisation_id')}
    end`,
    `create trigger interaction_health_delete after delete on interaction begin
      ${recomputeOrganisation('old.network_organisation_id')}
      ${recomputeRelationships('old.network_organisation_id')}
    end`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw('drop trigger if exists interaction_health_refresh on interaction').execute(db);
    await sql.raw('drop function if exists interaction_health_refresh()').execute(db);
    await sql.raw('drop trigger if exists relationship_health_fill on relationship').execute(db);
    await sql.raw('drop function if exists relationship_health_fill()').execute(db);
  } else {
    for (const name of [
      'interaction_health_delete',
      'interaction_health_update',
      'interaction_health_insert',
      'relationship_health_update',
      'relationship_health_insert',
    ]) {
      await sql.raw(`drop trigger if exists ${name}`).execute(db);
    }
  }
  await db.schema.dropIndex('relationship_workspace_stage_health').execute();
  await db.schema.dropIndex('relationship_workspace_health').execute();
  await db.schema.alterTable('relationship').dropColumn('health_on').execute();
  await db.schema.alterTable('relationship').dropColumn('last_interaction_on').execute();
  await db.schema.alterTable('network_organisation').dropColumn('last_interaction_on').execute();
}
