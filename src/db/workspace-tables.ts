import type { DB } from './schema.ts';

export type TableName = keyof DB & string;

/**
 * How the rows of one table belong to a workspace.
 * - `workspace`: the table has a `workspace_id` column (for `instrument`, only custom instruments
 *   have one; the D4.2 catalogue's rows have none and belong to the instance);
 * - `parent`: the table has no `workspace_id`; a row belongs to the workspace of its parent row,
 *   found through `foreignKey`.
 */
export type WorkspaceTable =
  | { table: TableName; owner: 'workspace' }
  | { table: TableName; owner: 'parent'; parent: TableName; foreignKey: string };

/**
 * Every table whose rows a workspace owns, parents before children (the order to write them in;
 * delete in the reverse order). Deleting a workspace, exporting its archive and importing one walk
 * this list, so a table added here is carried by all three. A test fails when a table of the
 * database is in neither this list nor {@link INSTANCE_TABLES}.
 */
export const WORKSPACE_TABLES: readonly WorkspaceTable[] = [
  { table: 'cluster', owner: 'workspace' },
  { table: 'organisation', owner: 'workspace' },
  { table: 'person', owner: 'workspace' },
  { table: 'target_market', owner: 'workspace' },
  { table: 'instrument', owner: 'workspace' },
  { table: 'instrument_kpi', owner: 'parent', parent: 'instrument', foreignKey: 'instrument_id' },
  { table: 'travel_rate', owner: 'workspace' },
  { table: 'plan', owner: 'workspace' },
  { table: 'plan_instrument', owner: 'parent', parent: 'plan', foreignKey: 'plan_id' },
  { table: 'activity', owner: 'workspace' },
  { table: 'activity_participant', owner: 'parent', parent: 'activity', foreignKey: 'activity_id' },
  { table: 'cost_line', owner: 'workspace' },
  { table: 'network_organisation', owner: 'workspace' },
  { table: 'network_person', owner: 'workspace' },
  { table: 'interaction', owner: 'workspace' },
  { table: 'relationship', owner: 'workspace' },
  { table: 'relationship_stage_change', owner: 'workspace' },
  { table: 'project', owner: 'workspace' },
  { table: 'project_partner', owner: 'parent', parent: 'project', foreignKey: 'project_id' },
  { table: 'b2b_event', owner: 'workspace' },
  { table: 'b2b_event_co_organiser', owner: 'parent', parent: 'b2b_event', foreignKey: 'event_id' },
  { table: 'b2b_session', owner: 'parent', parent: 'b2b_event', foreignKey: 'event_id' },
  { table: 'b2b_participant', owner: 'workspace' },
  { table: 'b2b_representative', owner: 'parent', parent: 'b2b_participant', foreignKey: 'participant_id' },
  { table: 'b2b_table', owner: 'parent', parent: 'b2b_event', foreignKey: 'event_id' },
  { table: 'b2b_request', owner: 'workspace' },
  // Surveys (issue 23), before the audit log: an archive rewrites the ids its entries name.
  { table: 'survey_questionnaire', owner: 'workspace' },
  { table: 'survey_questionnaire_version', owner: 'workspace' },
  { table: 'survey_wave', owner: 'workspace' },
  { table: 'survey_invitation', owner: 'workspace' },
  { table: 'survey_response', owner: 'workspace' },
  { table: 'market_finding', owner: 'workspace' },
  { table: 'kpi_target', owner: 'workspace' },
  { table: 'kpi_entry', owner: 'workspace' },
  { table: 'kpi_actual', owner: 'workspace' },
  { table: 'membership', owner: 'workspace' },
  { table: 'invitation', owner: 'workspace' },
  { table: 'saved_view', owner: 'workspace' },
  { table: 'network_digest', owner: 'workspace' },
  { table: 'audit_event', owner: 'workspace' },
  { table: 'job', owner: 'workspace' },
  { table: 'job_file', owner: 'parent', parent: 'job', foreignKey: 'job_id' },
  { table: 'b2b_schedule_run', owner: 'workspace' },
  { table: 'b2b_meeting', owner: 'workspace' },
  { table: 'b2b_meeting_feedback', owner: 'workspace' },
];

/**
 * The tables no workspace owns, and why: the workspaces themselves, people's accounts (a user may
 * belong to several workspaces), the shared D4.2 catalogue's settings, and the instance's own
 * bookkeeping. Kysely's migration tables are not listed.
 */
export const INSTANCE_TABLES: Readonly<Partial<Record<TableName, string>>> = {
  workspace: 'the workspaces themselves',
  app_meta: 'instance settings such as the catalogue revision',
  app_user: 'accounts, which may belong to several workspaces',
  user_session: 'sign-in sessions of an account',
  api_token: 'API tokens of an account',
  password_reset: 'password-reset links of an account',
  sign_in_lock: 'sign-in locks of an account',
  mail_outbox: 'mail of an account (development outbox)',
  rate_limit: 'request counters per source address',
  workspace_setup:
    'one-time set-up links: a start link has no workspace yet; the deletion job removes those of a deleted workspace',
};
