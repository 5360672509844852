/**
 * The API's data types as the web app sees them, derived from `schema.d.ts`, which is generated
 * from the server's OpenAPI document (`npm run gen:api`; a test fails when it is out of date).
 * Every component imports API types from here, never from `src/`.
 */
import type { components, paths } from './schema.d.ts';

type Schemas = components['schemas'];

/** One instrument as `GET /api/v1/instruments/{key}` returns it. */
export type InstrumentDto = Schemas['Instrument'];
/** `GET /api/v1/instruments[?phase=]`. */
export type InstrumentListDto = Schemas['InstrumentList'];
export type WorkspaceInstrumentDto = Schemas['WorkspaceInstrument'];
export type WorkspaceInstrumentListDto = Schemas['WorkspaceInstrumentList'];
export type InstrumentDiffDto = Schemas['InstrumentDiff'];
export type BudgetItemDto = Schemas['BudgetItem'];
export type InstrumentOrigin = InstrumentDto['origin'];
export type BudgetItem = Schemas['BudgetItem'];
export type BudgetItemKind = BudgetItem['kind'];
export type KpiDefinition = Schemas['KpiDefinition'];
export type KpiKind = KpiDefinition['kind'];
export type Phase = InstrumentDto['phase'];
export type FundingSource = InstrumentDto['fundingSources'][number];
export type CostCategory = Extract<BudgetItem, { kind: 'cost_categories' }>['categories'][number];
export type EffortUnit = Extract<BudgetItem, { kind: 'effort_days_per_unit' }>['unit'];
/** What an estimate form asks for an instrument (`instrument.budget.estimate`). */
export type EstimateFormDto = Schemas['EstimateForm'];
export type EstimateParameterSpecDto = EstimateFormDto['parameters'][number];

/** Query parameters of `GET /api/v1/instruments`. */
export type ListInstrumentsQuery = NonNullable<paths['/api/v1/instruments']['get']['parameters']['query']>;

/** An `application/problem+json` error body (RFC 9457) with the project's field-error list. */
export type ProblemDetails = Schemas['Problem'];
export type FieldError = NonNullable<ProblemDetails['errors']>[number];

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** `GET /api/v1/me`: the signed-in user, how they authenticated, their CSRF token and workspaces. */
export type MeDto = Schemas['Me'];
export type MembershipDto = MeDto['workspaces'][number];
export type Role = MembershipDto['role'];
/** `POST /api/v1/auth/sign-in`. */
export type SignInDto = Schemas['SignIn'];
export type SignInBody = JsonBody<paths['/api/v1/auth/sign-in']['post']['requestBody']>;

/** A personal API token (never its secret, except once in `CreatedApiTokenDto`). */
export type ApiTokenDto = Schemas['ApiToken'];
export type CreatedApiTokenDto = Schemas['CreatedApiToken'];
export type CreateApiTokenBody = JsonBody<paths['/api/v1/me/tokens']['post']['requestBody']>;

/**
 * `GET …/me/abilities`: what the caller may do, computed by the server's access policy:
 * `anywhere` (on some resource) and per scope (unowned, each cluster, a member's organisation).
 */
export type AbilitiesDto = Schemas['Abilities'];
export type Permission = AbilitiesDto['anywhere'][number];

/** A partner cluster of a workspace. */
export type ClusterDto = Schemas['Cluster'];
export type ClusterListDto = Schemas['ClusterList'];
export type ListClustersQuery = NonNullable<
  paths['/api/v1/workspaces/{workspace}/clusters']['get']['parameters']['query']
>;
export type CreateClusterBody = JsonBody<
  paths['/api/v1/workspaces/{workspace}/clusters']['post']['requestBody']
>;
export type UpdateClusterBody = JsonBody<
  paths['/api/v1/workspaces/{workspace}/clusters/{id}']['patch']['requestBody']
>;

/** One entry of the audit log; `changes` maps a field to `[before, after]`. */
export type AuditEventDto = Schemas['AuditEvent'];
export type AuditListDto = JsonBody<paths['/api/v1/workspaces/{workspace}/audit']['get']['responses'][200]>;
export type ListAuditQuery = NonNullable<
  paths['/api/v1/workspaces/{workspace}/audit']['get']['parameters']['query']
>;

/** A member organisation of the registry; the detail adds its number of people. */
export type OrganisationDto = Schemas['Organisation'];
export type OrganisationDetailDto = Schemas['OrganisationDetail'];
export type OrganisationListDto = Schemas['OrganisationList'];
export type OrganisationType = OrganisationDto['type'];
export type OrganisationSize = NonNullable<OrganisationDto['size']>;
export type SpaceSegment = OrganisationDto['spaceSegments'][number];
export type MelcaField = OrganisationDto['melca'][number];
export type ExportExperience = OrganisationDto['exportExperience'];
export type ListOrganisationsQuery = NonNullable<
  paths['/api/v1/workspaces/{workspace}/organisations']['get']['parameters']['query']
>;
export type CreateOrganisationBody = JsonBody<
  paths['/api/v1/workspaces/{workspace}/organisations']['post']['requestBody']
>;
export type UpdateOrganisationBody = JsonBody<
  paths['/api/v1/workspaces/{workspace}/organisations/{id}']['patch']['requestBody']
>;

/** A person of the registry (a contact at a member organisation, or on their own). */
export type PersonDto = Schemas['Person'];
export type PersonListDto = Schemas['PersonList'];
export type ListPeopleQuery = NonNullable<
  paths['/api/v1/workspaces/{workspace}/people']['get']['parameters']['query']
>;
export type CreatePersonBody = JsonBody<
  paths['/api/v1/workspaces/{workspace}/people']['post']['requestBody']
>;
export type UpdatePersonBody = JsonBody<
  paths['/api/v1/workspaces/{workspace}/people/{id}']['patch']['requestBody']
>;

/** A pending invitation to a workspace. */
export type InvitationDto = Schemas['Invitation'];
export type CreateInvitationBody = JsonBody<
  paths['/api/v1/workspaces/{workspace}/invitations']['post']['requestBody']
>;
export type AcceptInvitationBody = JsonBody<paths['/api/v1/auth/accept-invitation']['post']['requestBody']>;
export type AcceptedInvitationDto = Schemas['AcceptedInvitation'];
/** `POST /api/v1/auth/invitation-preview`: what a link offers, before accepting it. */
export type InvitationPreviewDto = Schemas['InvitationPreview'];
/** A member of a workspace (a user's membership) with its role, as coordinators see it. */
export type WorkspaceMemberDto = Schemas['Member'];
export type WorkspaceMemberListDto = Schemas['MemberList'];
export type ListWorkspaceMembersQuery = NonNullable<
  paths['/api/v1/workspaces/{workspace}/members']['get']['parameters']['query']
>;
export type UpdateWorkspaceMemberBody = JsonBody<
  paths['/api/v1/workspaces/{workspace}/members/{userId}']['patch']['requestBody']
>;
export type ConfirmPasswordResetBody = JsonBody<
  paths['/api/v1/auth/password-reset/confirm']['post']['requestBody']
>;
/** A mail kept by the development outbox (no SMTP configured). */
export type OutboxMailDto = Schemas['OutboxMail'];

/** `POST …/imports/parse`: an uploaded file read as text rows, with a suggested column mapping. */
export type ParsedImportFileDto = Schemas['ParsedImportFile'];
/** An encoding a CSV upload can be read in (decision 0025). */
export type CsvEncodingDto = NonNullable<ParsedImportFileDto['encoding']>;
/** Import field → 0-based column index of the file, or null. */
export type OrganisationImportMapping = Schemas['OrganisationImportMapping'];
export type PersonImportMapping = Schemas['PersonImportMapping'];
export type OrganisationImportField = keyof OrganisationImportMapping;
export type PersonImportField = keyof PersonImportMapping;
/** The answer of a dry run or an import: counts and each row's verdict. */
export type ImportResultDto = Schemas['ImportResult'];
export type ImportRowResult = ImportResultDto['rows'][number];
export type ImportRowStatus = ImportRowResult['status'];
export type OrganisationImportBody = JsonBody<
  paths['/api/v1/workspaces/{workspace}/imports/organisations']['post']['requestBody']
>;
export type PersonImportBody = JsonBody<
  paths['/api/v1/workspaces/{workspace}/imports/people']['post']['requestBody']
>;
/** Query parameters of the exports: the list filters and the file format. */
export type OrganisationExportQuery = NonNullable<
  paths['/api/v1/workspaces/{workspace}/organisations/export']['get']['parameters']['query']
>;
export type PersonExportQuery = NonNullable<
  paths['/api/v1/workspaces/{workspace}/people/export']['get']['parameters']['query']
>;

// Planning (issue 4): target markets, plans, activities and their budgets ------------------------

type Workspace = '/api/v1/workspaces/{workspace}';

/** A target market of the workspace. */
export type MarketDto = Schemas['Market'];
export type MarketListDto = Schemas['MarketList'];
export type MarketStatus = MarketDto['status'];
export type MarketPriority = MarketDto['priority'];
/** `GET …/markets/{id}`: the market with who is interested, its plans and activities. */
export type MarketDossierDto = Schemas['MarketDossier'];
export type ListMarketsQuery = NonNullable<paths[`${Workspace}/markets`]['get']['parameters']['query']>;
export type CreateMarketBody = JsonBody<paths[`${Workspace}/markets`]['post']['requestBody']>;
export type UpdateMarketBody = JsonBody<paths[`${Workspace}/markets/{id}`]['patch']['requestBody']>;

/** A dated instance of an instrument, inside a plan or standalone. */
export type ActivitySummaryDto = Schemas['ActivitySummary'];
export type ActivityListDto = Schemas['ActivityList'];
export type ActivityStatus = ActivitySummaryDto['status'];
export type ListActivitiesQuery = NonNullable<paths[`${Workspace}/activities`]['get']['parameters']['query']>;

export type PlanSummaryDto = Schemas['PlanSummary'];
export type PlanListDto = Schemas['PlanList'];
export type PlanStatus = PlanSummaryDto['status'];
export type ListPlansQuery = NonNullable<paths[`${Workspace}/plans`]['get']['parameters']['query']>;
export type PlanInstrumentDto = Schemas['PlanInstrument'];
/** A plan with its instruments in phase order, its activities and (for roles that see costs) its budget. */
export type PlanDetailDto = Schemas['PlanDetail'];
export type PlanActivityDto = PlanDetailDto['activities'][number];
export type CreatePlanBody = JsonBody<paths[`${Workspace}/plans`]['post']['requestBody']>;
export type UpdatePlanBody = JsonBody<paths[`${Workspace}/plans/{id}`]['patch']['requestBody']>;
export type CopyPlanBody = JsonBody<paths[`${Workspace}/plans/{id}/copy`]['post']['requestBody']>;

export type ActivityDetailDto = Schemas['ActivityDetail'];
export type ParticipantDto = Schemas['ActivityParticipant'];
export type ParticipantRole = ParticipantDto['role'];
export type CreateActivityBody = JsonBody<paths[`${Workspace}/activities`]['post']['requestBody']>;
export type UpdateActivityBody = JsonBody<paths[`${Workspace}/activities/{id}`]['patch']['requestBody']>;
export type AddParticipantBody = JsonBody<
  paths[`${Workspace}/activities/{id}/participants`]['post']['requestBody']
>;

/** An activity's budget: sums, every line, and the sums by funding source and category. */
export type ActivityBudgetDto = Schemas['ActivityBudget'];
export type CostLineDto = Schemas['CostLine'];
export type CostLineKind = CostLineDto['kind'];
export type CostLineOrigin = CostLineDto['origin'];
export type BudgetCategory = CostLineDto['category'];
export type CreateCostLineBody = JsonBody<
  paths[`${Workspace}/activities/{id}/cost-lines`]['post']['requestBody']
>;
export type UpdateCostLineBody = JsonBody<paths[`${Workspace}/cost-lines/{id}`]['patch']['requestBody']>;

export type EstimateParametersDto = Schemas['EstimateParameters'];
export type TravelRateDto = Schemas['TravelRate'];
/** The budget engine's answer: lines with their formulas, the total, notes and the rates assumed. */
export type EstimateDto = Schemas['Estimate'];
export type EstimateBody = JsonBody<paths[`${Workspace}/estimates`]['post']['requestBody']>;
export type ActivityEstimateBody = JsonBody<
  paths[`${Workspace}/activities/{id}/estimate`]['post']['requestBody']
>;

// KPIs (issue 5): targets, hand-entered values, an activity's KPI panel, attendance ---------------

export type Attendance = ParticipantDto['attendance'];
export type AttendanceBody = JsonBody<
  paths[`${Workspace}/activities/{id}/participants/{participantId}`]['patch']['requestBody']
>;
/** A KPI as the Hub tracks it: Hub-wide (no instrument) or an instrument's, derived or entered. */
export type TrackedKpiDto = Schemas['TrackedKpi'];
export type TrackedKpiListDto = Schemas['TrackedKpiList'];
/** One KPI of an activity with its target, actual and hand-entered values. */
export type ActivityKpiDto = Schemas['ActivityKpi'];
export type ActivityKpiListDto = Schemas['ActivityKpiList'];
export type KpiSource = ActivityKpiDto['source'];
export type KpiTargetDto = Schemas['KpiTarget'];
export type KpiTargetListDto = Schemas['KpiTargetList'];
export type CreateKpiTargetBody = JsonBody<paths[`${Workspace}/kpi-targets`]['post']['requestBody']>;
export type UpdateKpiTargetBody = JsonBody<paths[`${Workspace}/kpi-targets/{id}`]['patch']['requestBody']>;
export type KpiEntryDto = Schemas['KpiEntry'];
export type CreateKpiEntryBody = JsonBody<paths[`${Workspace}/kpi-entries`]['post']['requestBody']>;
export type UpdateKpiEntryBody = JsonBody<paths[`${Workspace}/kpi-entries/{id}`]['patch']['requestBody']>;

// Dashboard (issue 5): budget burn, KPI roll-ups and the records behind them -------------------

/** `GET …/budget/burn`: money spent month by month per funding source, with the planned totals. */
export type BudgetBurnDto = Schemas['BudgetBurn'];
export type BudgetBurnQuery = NonNullable<paths[`${Workspace}/budget/burn`]['get']['parameters']['query']>;
/** `GET …/kpis/rollup`: KPI target vs actual, grouped by one dimension. */
export type KpiRollupDto = Schemas['KpiRollup'];
export type KpiRollupGroupDto = KpiRollupDto['groups'][number];
export type KpiRollupKpiDto = Schemas['RolledKpi'];
export type KpiRollupQuery = NonNullable<paths[`${Workspace}/kpis/rollup`]['get']['parameters']['query']>;
/** `GET …/kpis/rollups`: several groupings of one roll-up, from one read (the dashboard's). */
export type KpiRollupListDto = Schemas['KpiRollupList'];
/** `GET …/kpis/records`: the records behind one number of a roll-up, page by page. */
export type KpiRecordsDto = Schemas['EvidenceRecordList'];
export type KpiRecordDto = Schemas['EvidenceRecord'];
export type KpiRecordsQuery = NonNullable<paths[`${Workspace}/kpis/records`]['get']['parameters']['query']>;
/** A background job (a funder report): status, progress 0–1, message, error and file. */
export type JobDto = Schemas['Job'];
export type JobStatus = JobDto['status'];
export type JobListDto = Schemas['JobList'];
export type ListJobsQuery = NonNullable<paths[`${Workspace}/jobs`]['get']['parameters']['query']>;
/** `POST …/reports`: a period and a format. */
export type ReportRequestBody = JsonBody<paths[`${Workspace}/reports`]['post']['requestBody']>;
export type ReportFormat = ReportRequestBody['format'];
export type ReportStartedDto = Schemas['ReportStarted'];

// Lists and search (issue 18): sorted lists, saved views, the global search, a record's history ---

/** A user's named filters and sort of a list, kept on the server. */
export type SavedViewDto = Schemas['SavedView'];
export type SavedViewList = SavedViewDto['list'];
export type CreateSavedViewBody = JsonBody<paths[`${Workspace}/saved-views`]['post']['requestBody']>;
/** `GET …/search?q=`: a few records of each kind, grouped by kind. */
export type SearchResultDto = Schemas['SearchResult'];
export type SearchGroupDto = SearchResultDto['groups'][number];
export type SearchKind = SearchGroupDto['kind'];
/** `GET …/organisations/{id}/history`: the organisation's changes, newest first. */
export type OrganisationHistoryDto = Schemas['OrganisationHistory'];
export type OrganisationHistoryEntryDto = OrganisationHistoryDto['items'][number];
/** `GET …/organisations/{id}/activities`: the activities it took part in, with how it took part. */
export type OrganisationActivityListDto = Schemas['OrganisationActivityList'];
export type OrganisationActivityDto = Schemas['OrganisationActivity'];

// The network's imports, vCards and personal data (issue 21, helper A2).
export type NetworkOrganisationImportField = keyof Schemas['NetworkOrganisationImportMapping'];
export type NetworkPersonImportField = keyof Schemas['NetworkPersonImportMapping'];
/** Assignable to ImportResultDto: the same rows, with warnings and fewer duplicate reasons. */
export type NetworkImportResultDto = Schemas['NetworkImportResult'];
export type VCardImportResultDto = Schemas['VCardImportResult'];
export type NetworkPersonDataDto = Schemas['NetworkPersonData'];
// The network (issue 21): interactions with network organisations ---------------------------------

/** A meeting, call, e-mail, visit, encounter or introduction, with the names a timeline shows. */
export type InteractionDto = Schemas['Interaction'];
export type InteractionKind = InteractionDto['kind'];
export type InteractionListDto = Schemas['InteractionList'];
export type ListInteractionsQuery = NonNullable<
  paths[`${Workspace}/network/interactions`]['get']['parameters']['query']
>;
export type CreateInteractionBody = JsonBody<
  paths[`${Workspace}/network/interactions`]['post']['requestBody']
>;

// The partnership pipeline (issue 21, item 3) ---------------------------------------------------

/** A relationship between one of ours and a counterpart, at a stage. */
export type RelationshipDto = Schemas['Relationship'];
export type RelationshipDetailDto = Schemas['RelationshipDetail'];
export type RelationshipStageChangeDto = Schemas['RelationshipStageChange'];
export type RelationshipStage = RelationshipDto['stage'];
export type RelationshipBoardDto = Schemas['RelationshipBoard'];
export type ListRelationshipsQuery = NonNullable<
  paths[`${Workspace}/network/relationships`]['get']['parameters']['query']
>;
export type CreateRelationshipBody = JsonBody<
  paths[`${Workspace}/network/relationships`]['post']['requestBody']
>;

// Issue 23 — market surveys: a market's findings ------------------------------------------------

/** What a market survey, desk research or a visit found about a target market. */
export type MarketFindingDto = Schemas['MarketFinding'];
/** `GET …/markets/{marketId}/findings`: newest first, with the market-survey waves a finding may name. */
export type MarketFindingListDto = Schemas['MarketFindingList'];
export type CreateMarketFindingBody = JsonBody<
  paths[`${Workspace}/markets/{marketId}/findings`]['post']['requestBody']
>;
export type UpdateMarketFindingBody = JsonBody<
  paths[`${Workspace}/markets/{marketId}/findings/{id}`]['patch']['requestBody']
>;

/** Issue 23 — roadmap: the recommended roadmap of a market (`GET /markets/{id}/recommendation`). */
export type RecommendationDto =
  paths['/api/v1/workspaces/{workspace}/markets/{id}/recommendation']['get']['responses'][200]['content']['application/json'];
