import type { Kysely } from 'kysely';

/**
 * The pipeline board (issue 21): per stage, the 50 relationships moved most recently, for the whole
 * workspace, a market or a cluster. Each index ends with the order the board reads (the day of the
 * current stage, then the id), so a column is a short backward index range instead of a sort of
 * every relationship at that stage: PostgreSQL took 238 ms (p95) for the whole board of 20,000
 * relationships with 0024's indexes (`bench/results/network.md`). They replace 0024's market and
 * cluster indexes, which are their prefixes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('relationship_workspace_market').execute();
  await db.schema.dropIndex('relationship_workspace_cluster').execute();
  for (const [name, columns] of [
    ['relationship_board', ['workspace_id', 'stage', 'stage_changed_on', 'id']],
    ['relationship_board_market', ['workspace_id', 'market_id', 'stage', 'stage_changed_on', 'id']],
    ['relationship_board_cluster', ['workspace_id', 'cluster_id', 'stage', 'stage_changed_on', 'id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('relationship')
      .columns([...columns])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['relationship_board', 'relationship_board_market', 'relationship_board_cluster']) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema
    .createIndex('relationship_workspace_market')
    .on('relationship')
    .columns(['workspace_id', 'market_id', 'stage'])
    .execute();
  await db.schema
    .createIndex('relationship_workspace_cluster')
    .on('relationship')
    .columns(['workspace_id', 'cluster_id', 'stage'])
    .execute();
}
