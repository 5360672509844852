import { type Kysely, sql } from 'kysely';

/**
 * Mail and the links it carries: the development outbox (mail kept in the database when no SMTP
 * server is configured), workspace invitations and password resets. Only SHA-256 hashes of the
 * links' tokens are stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The account the mail is for, when the recipient has one (an invitee has none yet).
    .addColumn('user_id', 'text', (c) => c.references('app_user.id').onDelete('cascade'))
    // Who caused it (the inviting coordinator), so a developer can open the invitations they sent.
    .addColumn('sent_by_user_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('to', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('coordinator', 'cluster_manager', 'member', 'mentor', 'viewer')`),
    )
    // Deleting a cluster drops the invitations of its would-be managers with it.
    .addColumn('cluster_id', 'text', (c) => c.references('cluster.id').onDelete('cascade'))
    // The organisation of an invited member; deleting it drops the invitation.
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invitation_workspace_email')
    .on('invitation')
    .columns(['workspace_id', 'email'])
    .execute();

  await db.schema
    .createTable('password_reset')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('password_reset_user_time')
    .on('password_reset')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['password_reset', 'invitation', 'mail_outbox']) {
    await db.schema.dropTable(table).execute();
  }
}
