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
export type InstrumentOrigin = InstrumentDto['origin'];
export type BudgetItem = Schemas['BudgetItem'];
export type BudgetItemKind = BudgetItem['kind'];
export type KpiDefinition = Schemas['KpiDefinition'];
export type KpiKind = KpiDefinition['kind'];
export type Phase = InstrumentDto['phase'];
export type FundingSource = InstrumentDto['fundingSources'][number];
export type CostCategory = Extract<BudgetItem, { kind: 'cost_categories' }>['categories'][number];
export type EffortUnit = Extract<BudgetItem, { kind: 'effort_days_per_unit' }>['unit'];

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

// Planning (provisional until gen:api) ------------------------------------------------------------
// Declared by hand from the planning API contract (issue 4) while the API is being built; replaced
// by `Schemas['…']` derivations once the routes are merged and `schema.d.ts` is regenerated.

export type MarketStatus = 'exploring' | 'active' | 'paused' | 'closed';
export type MarketPriority = 'high' | 'medium' | 'low';
export type PlanStatus = 'draft' | 'approved' | 'active' | 'closed';
export type ActivityStatus = 'planned' | 'confirmed' | 'done' | 'cancelled';
export type ParticipantRole =
  | 'participant'
  | 'organiser'
  | 'speaker'
  | 'representative'
  | 'mentor'
  | 'mentee'
  | 'trainer'
  | 'host';
export type BudgetCategory = 'staff' | CostCategory | 'participation_fee' | 'other';
export type CostLineKind = 'planned' | 'actual';
export type CostLineOrigin = 'estimate' | 'manual';

/** A target market of the workspace. */
export interface MarketDto {
  id: string;
  name: string;
  country: string;
  segments: string[];
  priority: MarketPriority;
  status: MarketStatus;
  rationale: string;
  findings: string;
  ownerClusterId: string | null;
  ownerClusterName: string | null;
  planCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface MarketListDto {
  items: MarketDto[];
  nextCursor: string | null;
}
export interface ListMarketsQuery {
  q?: string;
  status?: MarketStatus;
  country?: string;
  priority?: MarketPriority;
  limit?: number;
  cursor?: string;
}
export interface CreateMarketBody {
  name: string;
  country: string;
  segments?: string[];
  priority?: MarketPriority;
  status?: MarketStatus;
  rationale?: string;
  findings?: string;
  ownerClusterId?: string | null;
}
export type UpdateMarketBody = Partial<CreateMarketBody> & { version: number };

/** A dated instance of an instrument, inside a plan or standalone. */
export interface ActivitySummaryDto {
  id: string;
  planId: string | null;
  planName: string | null;
  marketId: string | null;
  marketName: string | null;
  marketCountry: string | null;
  title: string;
  instrumentKey: string;
  instrumentCode: string;
  instrumentName: string;
  phase: Phase;
  startsOn: string;
  endsOn: string;
  status: ActivityStatus;
  city: string | null;
  country: string | null;
  clusterId: string | null;
  clusterShortName: string | null;
}
export interface ActivityListDto {
  items: ActivitySummaryDto[];
  nextCursor: string | null;
}
export interface ListActivitiesQuery {
  planId?: string;
  marketId?: string;
  instrumentKey?: string;
  status?: ActivityStatus;
  clusterId?: string;
  from?: string;
  to?: string;
  standalone?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

export interface PlanSummaryDto {
  id: string;
  marketId: string;
  marketName: string;
  marketCountry: string;
  name: string;
  startsOn: string;
  endsOn: string;
  budgetCapEur: number | null;
  status: PlanStatus;
  activityCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface PlanListDto {
  items: PlanSummaryDto[];
  nextCursor: string | null;
}
export interface ListPlansQuery {
  marketId?: string;
  status?: PlanStatus;
  limit?: number;
  cursor?: string;
}

/** `GET …/markets/{id}`: the market with who is interested, its plans and activities. */
export interface MarketDossierDto extends MarketDto {
  interestedMembers: {
    items: { id: string; name: string; country: string; clusterId: string; clusterShortName: string }[];
    total: number;
  };
  plans: PlanSummaryDto[];
  activities: { items: ActivitySummaryDto[]; total: number };
}

export interface PlanInstrumentDto {
  instrumentKey: string;
  code: string;
  name: string;
  phase: Phase;
  position: number;
  rationale: string;
}
export type PlanActivityDto = ActivitySummaryDto & { plannedEur: number | null; actualEur: number | null };
export interface PlanDetailDto extends PlanSummaryDto {
  notes: string;
  market: { id: string; name: string; country: string; ownerClusterId: string | null };
  instruments: PlanInstrumentDto[];
  activities: PlanActivityDto[];
  budget: {
    capEur: number | null;
    plannedEur: number;
    actualEur: number;
    overCap: boolean;
    warnings: string[];
  } | null;
}
export interface CreatePlanBody {
  marketId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  budgetCapEur?: number | null;
  status?: PlanStatus;
  notes?: string;
  instruments?: { instrumentKey: string; rationale?: string }[];
}
export type UpdatePlanBody = Partial<CreatePlanBody> & { version: number };
export interface CopyPlanBody {
  marketId: string;
  name?: string;
  startsOn?: string;
  includeActivities?: boolean;
}

export interface EstimateParametersDto {
  units?: number;
  months?: number;
  issues?: number;
  entities?: number;
  travellers?: number;
  nights?: number;
  destination?: string;
}
export interface CostLineDto {
  id: string;
  activityId: string;
  kind: CostLineKind;
  category: BudgetCategory;
  fundingSource: FundingSource;
  description: string;
  formula: string | null;
  amountEur: number;
  effortDays: number;
  origin: CostLineOrigin;
  incurredOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface ActivityBudgetDto {
  plannedEur: number;
  actualEur: number;
  effortDays: number;
  lines: CostLineDto[];
  byFundingSource: { fundingSource: FundingSource; plannedEur: number; actualEur: number }[];
  byCategory: { category: BudgetCategory; plannedEur: number; actualEur: number }[];
}
export interface ParticipantDto {
  id: string;
  organisationId: string | null;
  organisationName: string | null;
  personId: string | null;
  personName: string | null;
  role: ParticipantRole;
}
export interface ActivityDetailDto extends ActivitySummaryDto {
  outcomeNotes: string;
  estimateParameters: EstimateParametersDto & { dayRateEur?: number };
  participants: ParticipantDto[];
  budget: ActivityBudgetDto | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface CreateActivityBody {
  planId?: string | null;
  instrumentKey: string;
  title: string;
  startsOn: string;
  endsOn: string;
  city?: string | null;
  country?: string | null;
  clusterId?: string | null;
  status?: ActivityStatus;
  outcomeNotes?: string;
}
export type UpdateActivityBody = Partial<CreateActivityBody> & { version: number };
export interface AddParticipantBody {
  organisationId?: string;
  personId?: string;
  role: ParticipantRole;
}
export interface CreateCostLineBody {
  kind: CostLineKind;
  category: BudgetCategory;
  fundingSource: FundingSource;
  description: string;
  amountEur: number;
  effortDays?: number;
  incurredOn?: string | null;
  formula?: string | null;
}
export type UpdateCostLineBody = Partial<CreateCostLineBody> & { version: number };

export interface TravelRateDto {
  country: string;
  travelEur: number;
  accommodationPerNightEur: number;
  subsistencePerDayEur: number;
  isDefault: boolean;
  basis: string | null;
  version: number | null;
}
export interface EstimateDto {
  lines: {
    category: BudgetCategory;
    description: string;
    formula: string;
    amountEur: number;
    effortDays: number;
  }[];
  effortDays: number;
  totalEur: number;
  notes: string[];
  assumptions: {
    dayRateEur: number;
    dayRateSource: 'override' | 'cluster' | 'default';
    travelRate: TravelRateDto | null;
  };
}
export interface EstimateBody {
  instrumentKey: string;
  parameters: EstimateParametersDto;
  clusterId?: string | null;
  dayRateEur?: number;
}
export interface ActivityEstimateBody {
  parameters: EstimateParametersDto;
  dayRateEur?: number;
  fundingSource: FundingSource;
  apply: boolean;
  version: number;
}
