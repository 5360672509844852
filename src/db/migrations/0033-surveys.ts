import { type Kysely, sql } from 'kysely';

/**
 * Surveys and readiness (issue 23, decision 0040): questionnaires and their frozen versions, waves
 * sent to a chosen set of respondents with personal token links, the respondents' invitations
 * (with their partial answers until they submit) and the submitted responses with their scores,
 * and the findings of market surveys that go into a market's dossier.
 *
 * A questionnaire's `definition` is the draft being edited (JSON: QuestionnaireDefinition,
 * src/domain/surveys/types.ts); sending a wave freezes it as a numbered version, which the wave
 * keeps. An anonymous wave's responses carry no link to their invitation or respondent: anonymity
 * by construction, not by a flag a query must remember.
 *
 * KPI evidence (docs/kpis.md): `survey_response` (respondents of a validation-survey or
 * market-survey activity's waves).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_questionnaire')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('readiness', 'market', 'general')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // JSON: QuestionnaireDefinition (the draft; waves keep a frozen version).
    .addColumn('definition', 'text', (c) => c.notNull())
    // The number of the last frozen version (0: never sent).
    .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(0))
    // 1: the Hub's default readiness questionnaire (scored by src/domain/surveys/readiness.ts).
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active', 'archived')`),
    )
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_questionnaire_workspace')
    .on('survey_questionnaire')
    .columns(['workspace_id', 'kind', 'id'])
    .execute();

  await db.schema
    .createTable('survey_questionnaire_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('questionnaire_id', 'text', (c) =>
      c.notNull().references('survey_questionnaire.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    // JSON: QuestionnaireDefinition, as it was sent.
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_questionnaire_version_number', ['questionnaire_id', 'number'])
    .execute();

  await db.schema
    .createTable('survey_wave')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('questionnaire_id', 'text', (c) =>
      c.notNull().references('survey_questionnaire.id').onDelete('restrict'),
    )
    // Null while a draft; the frozen version once sent.
    .addColumn('questionnaire_version_id', 'text', (c) =>
      c.references('survey_questionnaire_version.id').onDelete('restrict'),
    )
    // The validation-survey or market-survey activity it runs in (KPI attribution; optional).
    .addColumn('activity_id', 'text', (c) => c.references('activity.id').onDelete('set null'))
    // A market survey's target market (its findings go into the market's dossier).
    .addColumn('market_id', 'text', (c) => c.references('target_market.id').onDelete('set null'))
    // The access scope: the cluster that runs the wave (null: the coordinators').
    .addColumn('cluster_id', 'text', (c) => c.references('cluster.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON: WaveAudience (how the respondents were chosen, kept to show and to repeat the wave).
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    // The language a respondent without one of its own is asked in.
    .addColumn('default_language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'open', 'closed')`),
    )
    .addColumn('opened_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('closed_at', 'text')
    // A reminder goes to those who have not completed this many days after the invitation (null: none).
    .addColumn('reminder_after_days', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_wave_workspace')
    .on('survey_wave')
    .columns(['workspace_id', 'status', 'id'])
    .execute();
  await db.schema.createIndex('survey_wave_activity').on('survey_wave').column('activity_id').execute();
  await db.schema.createIndex('survey_wave_market').on('survey_wave').column('market_id').execute();

  await db.schema
    .createTable('survey_invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('survey_wave.id').onDelete('cascade'))
    // SHA-256 of the personal link's token: a database leak does not hand out the links.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // Exactly one of a registry person (member respondent) or a network person (market survey).
    .addColumn('person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('network_person_id', 'text', (c) => c.references('network_person.id').onDelete('set null'))
    // The respondent's organisation when invited (a member or a network organisation).
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
    .addColumn('network_organisation_id', 'text', (c) =>
      c.references('network_organisation.id').onDelete('set null'),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('sent_at', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('reminder_count', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON: Answers saved before submission (null once submitted: the response holds them).
    .addColumn('draft_answers', 'text')
    .addColumn('draft_updated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_invitation_wave')
    .on('survey_invitation')
    .columns(['wave_id', 'completed_at'])
    .execute();
  await db.schema
    .createIndex('survey_invitation_wave_email')
    .on('survey_invitation')
    .columns(['wave_id', 'email'])
    .unique()
    .execute();

  await db.schema
    .createTable('survey_response')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('survey_wave.id').onDelete('cascade'))
    // Null in an anonymous wave: nothing links the answers to who gave them.
    .addColumn('invitation_id', 'text', (c) =>
      c.unique().references('survey_invitation.id').onDelete('set null'),
    )
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
    .addColumn('network_organisation_id', 'text', (c) =>
      c.references('network_organisation.id').onDelete('set null'),
    )
    .addColumn('language', 'text', (c) => c.notNull())
    // JSON: Answers (question key → answer).
    .addColumn('answers', 'text', (c) => c.notNull())
    // Share of the visible questions answered, 0..1.
    .addColumn('completeness', 'real', (c) => c.notNull())
    // JSON: Record<ReadinessDimension, number> (0..100) for a readiness questionnaire; null otherwise.
    .addColumn('scores', 'text')
    // Readiness total out of 200 and its stage (readiness questionnaires only).
    .addColumn('readiness_score', 'real')
    .addColumn('stage', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_response_wave')
    .on('survey_response')
    .columns(['wave_id', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('survey_response_organisation')
    .on('survey_response')
    .columns(['workspace_id', 'organisation_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('market_finding')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('market_id', 'text', (c) => c.notNull().references('target_market.id').onDelete('cascade'))
    // The market survey it comes from (null: a finding from desk research or a visit).
    .addColumn('wave_id', 'text', (c) => c.references('survey_wave.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('market_finding_market')
    .on('market_finding')
    .columns(['workspace_id', 'market_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'market_finding',
    'survey_response',
    'survey_invitation',
    'survey_wave',
    'survey_questionnaire_version',
    'survey_questionnaire',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
