import type { Kysely } from 'kysely';

/**
 * The participations of one person (`activity_participant.person_id`): deleting a person (its
 * participations cascade) and moving a person to another organisation (the KPI freshness of the
 * activities they take part in, decision 0020) find them by this index instead of scanning every
 * participation of every workspace.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('activity_participant_person')
    .on('activity_participant')
    .columns(['person_id', 'activity_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('activity_participant_person').execute();
}
