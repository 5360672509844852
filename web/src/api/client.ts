import type {
  AcceptedInvitationDto,
  AcceptInvitationBody,
  ActivityDetailDto,
  ActivityEstimateBody,
  ActivityKpiListDto,
  ActivityListDto,
  AddParticipantBody,
  ApiTokenDto,
  AttendanceBody,
  AuditListDto,
  BudgetBurnDto,
  BudgetBurnQuery,
  ClusterDto,
  ClusterListDto,
  ConfirmPasswordResetBody,
  CopyPlanBody,
  CostLineDto,
  CreateActivityBody,
  CreateApiTokenBody,
  CreateClusterBody,
  CreateCostLineBody,
  CreatedApiTokenDto,
  CreateInvitationBody,
  CreateKpiEntryBody,
  CreateKpiTargetBody,
  CreateMarketBody,
  CreateOrganisationBody,
  CreatePersonBody,
  CreatePlanBody,
  EstimateBody,
  EstimateDto,
  ImportResultDto,
  InstrumentDto,
  InstrumentListDto,
  InvitationDto,
  InvitationPreviewDto,
  JobDto,
  JobListDto,
  KpiEntryDto,
  KpiRecordsDto,
  KpiRecordsQuery,
  KpiRollupDto,
  KpiRollupQuery,
  KpiTargetDto,
  KpiTargetListDto,
  ListActivitiesQuery,
  ListAuditQuery,
  ListClustersQuery,
  ListJobsQuery,
  ListMarketsQuery,
  ListOrganisationsQuery,
  ListPeopleQuery,
  ListPlansQuery,
  ListWorkspaceMembersQuery,
  MarketDossierDto,
  MarketDto,
  MarketListDto,
  MeDto,
  OrganisationDetailDto,
  OrganisationDto,
  OrganisationExportQuery,
  OrganisationImportBody,
  OrganisationListDto,
  OutboxMailDto,
  ParsedImportFileDto,
  ParticipantDto,
  PersonDto,
  PersonExportQuery,
  PersonImportBody,
  PersonListDto,
  Phase,
  PlanDetailDto,
  PlanListDto,
  ProblemDetails,
  ReportRequestBody,
  ReportStartedDto,
  SignInBody,
  SignInDto,
  TrackedKpiListDto,
  UpdateActivityBody,
  UpdateClusterBody,
  UpdateCostLineBody,
  UpdateKpiEntryBody,
  UpdateKpiTargetBody,
  UpdateMarketBody,
  UpdateOrganisationBody,
  UpdatePersonBody,
  UpdatePlanBody,
  UpdateWorkspaceMemberBody,
  WorkspaceMemberDto,
  WorkspaceMemberListDto,
} from './types.ts';

const API_BASE = '/api/v1';

/**
 * A failed API call. Carries the server's problem document (RFC 9457); when the response was not
 * a problem document (a proxy error page, a network failure) one is synthesised so callers can
 * always read `status`, `title` and `detail`.
 */
export class ApiError extends Error {
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get title(): string {
    return this.problem.title;
  }

  get detail(): string | undefined {
    return this.problem.detail;
  }

  get errors(): ProblemDetails['errors'] {
    return this.problem.errors;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** List the instruments of the catalogue, optionally of one phase only, in code order. */
export function listInstruments(phase?: Phase, signal?: AbortSignal): Promise<InstrumentListDto> {
  const query = phase ? `?${new URLSearchParams({ phase })}` : '';
  return getJson<InstrumentListDto>(`/instruments${query}`, signal);
}

/** One instrument by its key (`matchmaking-events`); rejects with an `ApiError` of status 404 if unknown. */
export function getInstrument(key: string, signal?: AbortSignal): Promise<InstrumentDto> {
  return getJson<InstrumentDto>(`/instruments/${encodeURIComponent(key)}`, signal);
}

/**
 * How the client reaches the session: where the CSRF token is kept (the `/me` answer in the query
 * cache) and who to tell when the server says the session is gone (401), so the app can send the
 * user to sign-in with a way back.
 */
export interface ApiSession {
  csrfToken(): string | null;
  onUnauthenticated(error: ApiError): void;
}

let session: ApiSession = { csrfToken: () => null, onUnauthenticated: () => {} };

export function configureApiSession(next: ApiSession): void {
  session = next;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RequestOptions {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (an uploaded file), with its media type. */
  file?: { content: Blob; type: string };
  signal?: AbortSignal | undefined;
  /** A 401 is an expected answer here (who am I, sign-in): do not treat it as a lost session. */
  unauthenticatedIsAnswer?: boolean;
}

/**
 * One API call: same-origin cookies, JSON in and out, the session's CSRF token on every mutation,
 * and every failure as an `ApiError` carrying the server's problem document.
 */
async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = options.file.type;
  if (method !== 'GET') {
    const csrf = session.csrfToken();
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.file ? { body: options.file.content } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'The server could not be reached. Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const error = await problemFrom(response);
    if (error.status === 401 && !options.unauthenticatedIsAnswer) session.onUnauthenticated(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>(path, { signal });
}

function queryString(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '',
  );
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
}

const ws = (workspace: string) => `/workspaces/${encodeURIComponent(workspace)}`;

// --- Session ---------------------------------------------------------------------------------

/** The signed-in user, or `null` when there is no session (401). */
export async function getMe(signal?: AbortSignal): Promise<MeDto | null> {
  try {
    return await request<MeDto>('/me', { signal, unauthenticatedIsAnswer: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function signIn(body: SignInBody): Promise<SignInDto> {
  return request<SignInDto>('/auth/sign-in', { method: 'POST', body, unauthenticatedIsAnswer: true });
}

export function signOut(): Promise<void> {
  return request<void>('/auth/sign-out', { method: 'POST', unauthenticatedIsAnswer: true });
}

export function signOutEverywhere(): Promise<{ sessionsEnded: number }> {
  return request('/auth/sign-out-everywhere', { method: 'POST', unauthenticatedIsAnswer: true });
}

// --- Personal API tokens ---------------------------------------------------------------------

export function listApiTokens(signal?: AbortSignal): Promise<{ items: ApiTokenDto[] }> {
  return getJson('/me/tokens', signal);
}

export function createApiToken(body: CreateApiTokenBody): Promise<CreatedApiTokenDto> {
  return request('/me/tokens', { method: 'POST', body });
}

export function revokeApiToken(id: string): Promise<void> {
  return request(`/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

// --- Clusters --------------------------------------------------------------------------------

export function listClusters(
  workspace: string,
  query: ListClustersQuery,
  signal?: AbortSignal,
): Promise<ClusterListDto> {
  return getJson(`${ws(workspace)}/clusters${queryString({ ...query })}`, signal);
}

export function getCluster(workspace: string, id: string, signal?: AbortSignal): Promise<ClusterDto> {
  return getJson(`${ws(workspace)}/clusters/${encodeURIComponent(id)}`, signal);
}

export function createCluster(workspace: string, body: CreateClusterBody): Promise<ClusterDto> {
  return request(`${ws(workspace)}/clusters`, { method: 'POST', body });
}

export function updateCluster(workspace: string, id: string, body: UpdateClusterBody): Promise<ClusterDto> {
  return request(`${ws(workspace)}/clusters/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteCluster(workspace: string, id: string, version: number): Promise<void> {
  return request(`${ws(workspace)}/clusters/${encodeURIComponent(id)}${queryString({ version })}`, {
    method: 'DELETE',
  });
}

// --- Audit log -------------------------------------------------------------------------------

export function listAudit(
  workspace: string,
  query: ListAuditQuery,
  signal?: AbortSignal,
): Promise<AuditListDto> {
  return getJson(`${ws(workspace)}/audit${queryString({ ...query })}`, signal);
}

// --- Member organisations ---------------------------------------------------------------------

export function listOrganisations(
  workspace: string,
  query: ListOrganisationsQuery,
  signal?: AbortSignal,
): Promise<OrganisationListDto> {
  return getJson(`${ws(workspace)}/organisations${queryString({ ...query })}`, signal);
}

export function getOrganisation(
  workspace: string,
  id: string,
  signal?: AbortSignal,
): Promise<OrganisationDetailDto> {
  return getJson(`${ws(workspace)}/organisations/${encodeURIComponent(id)}`, signal);
}

export function createOrganisation(
  workspace: string,
  body: CreateOrganisationBody,
): Promise<OrganisationDto> {
  return request(`${ws(workspace)}/organisations`, { method: 'POST', body });
}

export function updateOrganisation(
  workspace: string,
  id: string,
  body: UpdateOrganisationBody,
): Promise<OrganisationDto> {
  return request(`${ws(workspace)}/organisations/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteOrganisation(workspace: string, id: string, version: number): Promise<void> {
  return request(`${ws(workspace)}/organisations/${encodeURIComponent(id)}${queryString({ version })}`, {
    method: 'DELETE',
  });
}

// --- People ----------------------------------------------------------------------------------

export function listPeople(
  workspace: string,
  query: ListPeopleQuery,
  signal?: AbortSignal,
): Promise<PersonListDto> {
  return getJson(`${ws(workspace)}/people${queryString({ ...query })}`, signal);
}

export function listOrganisationPeople(
  workspace: string,
  organisationId: string,
  query: Omit<ListPeopleQuery, 'organisation'>,
  signal?: AbortSignal,
): Promise<PersonListDto> {
  return getJson(
    `${ws(workspace)}/organisations/${encodeURIComponent(organisationId)}/people${queryString({ ...query })}`,
    signal,
  );
}

export function getPerson(workspace: string, id: string, signal?: AbortSignal): Promise<PersonDto> {
  return getJson(`${ws(workspace)}/people/${encodeURIComponent(id)}`, signal);
}

export function createPerson(workspace: string, body: CreatePersonBody): Promise<PersonDto> {
  return request(`${ws(workspace)}/people`, { method: 'POST', body });
}

export function updatePerson(workspace: string, id: string, body: UpdatePersonBody): Promise<PersonDto> {
  return request(`${ws(workspace)}/people/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deletePerson(workspace: string, id: string, version: number): Promise<void> {
  return request(`${ws(workspace)}/people/${encodeURIComponent(id)}${queryString({ version })}`, {
    method: 'DELETE',
  });
}

// --- Import and export -----------------------------------------------------------------------

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reads a CSV or XLSX file on the server (nothing is stored) and answers its rows as text with a
 * suggested mapping. The media type follows the file name, since browsers often give CSV files
 * none or an Excel one.
 */
export function parseImportFile(workspace: string, file: File): Promise<ParsedImportFileDto> {
  const type = /\.xlsx$/i.test(file.name) ? XLSX_MEDIA_TYPE : 'text/csv';
  return request(`${ws(workspace)}/imports/parse`, { method: 'POST', file: { content: file, type } });
}

/** Checks (`dryRun: true`) or imports mapped rows of member organisations. */
export function importOrganisations(
  workspace: string,
  body: OrganisationImportBody,
): Promise<ImportResultDto> {
  return request(`${ws(workspace)}/imports/organisations`, { method: 'POST', body });
}

/** Checks (`dryRun: true`) or imports mapped rows of people. */
export function importPeople(workspace: string, body: PersonImportBody): Promise<ImportResultDto> {
  return request(`${ws(workspace)}/imports/people`, { method: 'POST', body });
}

/**
 * The address of an export file with the list's filters: a plain link downloads it (the session
 * cookie authenticates a GET).
 */
export function exportUrl(
  workspace: string,
  what: 'organisations' | 'people',
  query: OrganisationExportQuery | PersonExportQuery,
): string {
  return `${API_BASE}${ws(workspace)}/${what}/export${queryString({ ...query })}`;
}

// --- Invitations, password reset, development outbox ----------------------------------------

export function listInvitations(
  workspace: string,
  signal?: AbortSignal,
): Promise<{ items: InvitationDto[] }> {
  return getJson(`${ws(workspace)}/invitations`, signal);
}

export function createInvitation(workspace: string, body: CreateInvitationBody): Promise<InvitationDto> {
  return request(`${ws(workspace)}/invitations`, { method: 'POST', body });
}

export function revokeInvitation(workspace: string, id: string): Promise<void> {
  return request(`${ws(workspace)}/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Who invites whom where; the token goes in the body so it stays out of server logs. */
export function previewInvitation(token: string): Promise<InvitationPreviewDto> {
  return request('/auth/invitation-preview', {
    method: 'POST',
    body: { token },
    unauthenticatedIsAnswer: true,
  });
}

// --- Workspace members (coordinators) ----------------------------------------------------------

export function listWorkspaceMembers(
  workspace: string,
  query: ListWorkspaceMembersQuery,
  signal?: AbortSignal,
): Promise<WorkspaceMemberListDto> {
  return getJson(`${ws(workspace)}/members${queryString({ ...query })}`, signal);
}

export function updateWorkspaceMember(
  workspace: string,
  userId: string,
  body: UpdateWorkspaceMemberBody,
): Promise<WorkspaceMemberDto> {
  return request(`${ws(workspace)}/members/${encodeURIComponent(userId)}`, { method: 'PATCH', body });
}

export function removeWorkspaceMember(workspace: string, userId: string, version: number): Promise<void> {
  return request(`${ws(workspace)}/members/${encodeURIComponent(userId)}?version=${version}`, {
    method: 'DELETE',
  });
}

/** Accepting needs no session: the token is the proof. A wrong current password is a 401 answer. */
export function acceptInvitation(body: AcceptInvitationBody): Promise<AcceptedInvitationDto> {
  return request('/auth/accept-invitation', { method: 'POST', body, unauthenticatedIsAnswer: true });
}

/** Always answers the same neutral sentence, whether or not the address has an account. */
export function requestPasswordReset(email: string): Promise<{ detail: string }> {
  return request('/auth/password-reset', { method: 'POST', body: { email }, unauthenticatedIsAnswer: true });
}

export function confirmPasswordReset(body: ConfirmPasswordResetBody): Promise<void> {
  return request('/auth/password-reset/confirm', { method: 'POST', body, unauthenticatedIsAnswer: true });
}

/** The development outbox's mails for the signed-in user; `null` when mail goes out by SMTP (404). */
export async function listOutbox(signal?: AbortSignal): Promise<OutboxMailDto[] | null> {
  try {
    return (await getJson<{ items: OutboxMailDto[] }>('/dev/outbox?limit=20', signal)).items;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

// --- Planning: target markets, plans, activities, budgets -----------------------------------

const one = (workspace: string, what: string, id: string) =>
  `${ws(workspace)}/${what}/${encodeURIComponent(id)}`;

export function listMarkets(
  workspace: string,
  query: ListMarketsQuery,
  signal?: AbortSignal,
): Promise<MarketListDto> {
  return getJson(`${ws(workspace)}/markets${queryString({ ...query })}`, signal);
}

/** A market's dossier: the market, the members interested in its country, its plans and activities. */
export function getMarket(workspace: string, id: string, signal?: AbortSignal): Promise<MarketDossierDto> {
  return getJson(one(workspace, 'markets', id), signal);
}

export function createMarket(workspace: string, body: CreateMarketBody): Promise<MarketDto> {
  return request(`${ws(workspace)}/markets`, { method: 'POST', body });
}

export function updateMarket(workspace: string, id: string, body: UpdateMarketBody): Promise<MarketDto> {
  return request(one(workspace, 'markets', id), { method: 'PATCH', body });
}

/** Refused (409) while the market has plans. */
export function deleteMarket(workspace: string, id: string, version: number): Promise<void> {
  return request(`${one(workspace, 'markets', id)}${queryString({ version })}`, { method: 'DELETE' });
}

export function listPlans(
  workspace: string,
  query: ListPlansQuery,
  signal?: AbortSignal,
): Promise<PlanListDto> {
  return getJson(`${ws(workspace)}/plans${queryString({ ...query })}`, signal);
}

/** A plan with its instruments, activities and (for roles that see costs) its budget. */
export function getPlan(workspace: string, id: string, signal?: AbortSignal): Promise<PlanDetailDto> {
  return getJson(one(workspace, 'plans', id), signal);
}

export function createPlan(workspace: string, body: CreatePlanBody): Promise<PlanDetailDto> {
  return request(`${ws(workspace)}/plans`, { method: 'POST', body });
}

export function updatePlan(workspace: string, id: string, body: UpdatePlanBody): Promise<PlanDetailDto> {
  return request(one(workspace, 'plans', id), { method: 'PATCH', body });
}

/** Refused (409) while the plan has activities. */
export function deletePlan(workspace: string, id: string, version: number): Promise<void> {
  return request(`${one(workspace, 'plans', id)}${queryString({ version })}`, { method: 'DELETE' });
}

/** Copies a plan to a market (a draft; planned cost lines come along, actual ones do not). */
export function copyPlan(workspace: string, id: string, body: CopyPlanBody): Promise<PlanDetailDto> {
  return request(`${one(workspace, 'plans', id)}/copy`, { method: 'POST', body });
}

/** Activities by start date; `from`/`to` give those overlapping a range (the calendar). */
export function listActivities(
  workspace: string,
  query: ListActivitiesQuery,
  signal?: AbortSignal,
): Promise<ActivityListDto> {
  return getJson(`${ws(workspace)}/activities${queryString({ ...query })}`, signal);
}

export function getActivity(workspace: string, id: string, signal?: AbortSignal): Promise<ActivityDetailDto> {
  return getJson(one(workspace, 'activities', id), signal);
}

export function createActivity(workspace: string, body: CreateActivityBody): Promise<ActivityDetailDto> {
  return request(`${ws(workspace)}/activities`, { method: 'POST', body });
}

export function updateActivity(
  workspace: string,
  id: string,
  body: UpdateActivityBody,
): Promise<ActivityDetailDto> {
  return request(one(workspace, 'activities', id), { method: 'PATCH', body });
}

export function deleteActivity(workspace: string, id: string, version: number): Promise<void> {
  return request(`${one(workspace, 'activities', id)}${queryString({ version })}`, { method: 'DELETE' });
}

export function addParticipant(
  workspace: string,
  activityId: string,
  body: AddParticipantBody,
): Promise<ParticipantDto> {
  return request(`${one(workspace, 'activities', activityId)}/participants`, { method: 'POST', body });
}

export function removeParticipant(
  workspace: string,
  activityId: string,
  participantId: string,
): Promise<void> {
  return request(
    `${one(workspace, 'activities', activityId)}/participants/${encodeURIComponent(participantId)}`,
    { method: 'DELETE' },
  );
}

/** An estimate of an instrument's budget for some parameters; writes nothing. */
export function previewEstimate(workspace: string, body: EstimateBody): Promise<EstimateDto> {
  return request(`${ws(workspace)}/estimates`, { method: 'POST', body });
}

/**
 * Estimates an activity's budget; with `apply: true` its planned estimate lines are replaced by the
 * answer's (manual lines stay) and the activity's version moves on.
 */
export function estimateActivity(
  workspace: string,
  activityId: string,
  body: ActivityEstimateBody,
): Promise<EstimateDto> {
  return request(`${one(workspace, 'activities', activityId)}/estimate`, { method: 'POST', body });
}

export function createCostLine(
  workspace: string,
  activityId: string,
  body: CreateCostLineBody,
): Promise<CostLineDto> {
  return request(`${one(workspace, 'activities', activityId)}/cost-lines`, { method: 'POST', body });
}

export function updateCostLine(
  workspace: string,
  id: string,
  body: UpdateCostLineBody,
): Promise<CostLineDto> {
  return request(one(workspace, 'cost-lines', id), { method: 'PATCH', body });
}

export function deleteCostLine(workspace: string, id: string, version: number): Promise<void> {
  return request(`${one(workspace, 'cost-lines', id)}${queryString({ version })}`, { method: 'DELETE' });
}

// --- KPIs: attendance, targets, hand-entered values, an activity's KPI panel --------------------

/** Marks whether a participant came; the activity's derived KPIs are recomputed with it. */
export function setAttendance(
  workspace: string,
  activityId: string,
  participantId: string,
  body: AttendanceBody,
): Promise<ParticipantDto> {
  return request(
    `${one(workspace, 'activities', activityId)}/participants/${encodeURIComponent(participantId)}`,
    { method: 'PATCH', body },
  );
}

/** Every KPI the activity tracks, with its target, actual and the values entered by hand. */
export function getActivityKpis(
  workspace: string,
  activityId: string,
  signal?: AbortSignal,
): Promise<ActivityKpiListDto> {
  return getJson(`${one(workspace, 'activities', activityId)}/kpis`, signal);
}

/** The Hub-wide KPIs and every instrument's (or one instrument's), derived or entered. */
export function listKpiDefinitions(
  workspace: string,
  instrumentId?: string,
  signal?: AbortSignal,
): Promise<TrackedKpiListDto> {
  return getJson(`${ws(workspace)}/kpis/definitions${queryString({ instrumentId })}`, signal);
}

export function listPlanKpiTargets(
  workspace: string,
  planId: string,
  signal?: AbortSignal,
): Promise<KpiTargetListDto> {
  return getJson(`${ws(workspace)}/kpi-targets${queryString({ planId })}`, signal);
}

/** 409 when the KPI already has a target in that scope. */
export function createKpiTarget(workspace: string, body: CreateKpiTargetBody): Promise<KpiTargetDto> {
  return request(`${ws(workspace)}/kpi-targets`, { method: 'POST', body });
}

export function updateKpiTarget(
  workspace: string,
  id: string,
  body: UpdateKpiTargetBody,
): Promise<KpiTargetDto> {
  return request(one(workspace, 'kpi-targets', id), { method: 'PATCH', body });
}

export function deleteKpiTarget(workspace: string, id: string, version: number): Promise<void> {
  return request(`${one(workspace, 'kpi-targets', id)}${queryString({ version })}`, { method: 'DELETE' });
}

export function createKpiEntry(workspace: string, body: CreateKpiEntryBody): Promise<KpiEntryDto> {
  return request(`${ws(workspace)}/kpi-entries`, { method: 'POST', body });
}

export function updateKpiEntry(
  workspace: string,
  id: string,
  body: UpdateKpiEntryBody,
): Promise<KpiEntryDto> {
  return request(one(workspace, 'kpi-entries', id), { method: 'PATCH', body });
}

export function deleteKpiEntry(workspace: string, id: string, version: number): Promise<void> {
  return request(`${one(workspace, 'kpi-entries', id)}${queryString({ version })}`, { method: 'DELETE' });
}

// --- Dashboard: budget burn, KPI roll-ups and their records ----------------------------------

/** Money spent month by month per funding source over a period (default: this year). */
export function getBudgetBurn(
  workspace: string,
  query: BudgetBurnQuery,
  signal?: AbortSignal,
): Promise<BudgetBurnDto> {
  return getJson(`${ws(workspace)}/budget/burn${queryString({ ...query })}`, signal);
}

/** KPI target vs actual over a period, grouped by workspace, instrument, phase, market… */
export function getKpiRollup(
  workspace: string,
  query: KpiRollupQuery,
  signal?: AbortSignal,
): Promise<KpiRollupDto> {
  return getJson(`${ws(workspace)}/kpis/rollup${queryString({ ...query })}`, signal);
}

/** The records behind one number of a KPI roll-up, a page at a time (`nextCursor`). */
export function listKpiRecords(
  workspace: string,
  query: KpiRecordsQuery,
  signal?: AbortSignal,
): Promise<KpiRecordsDto> {
  return getJson(`${ws(workspace)}/kpis/records${queryString({ ...query })}`, signal);
}

// --- Funder reports and background jobs -----------------------------------------------------

/** Starts a funder report; the answer is the queued job to follow with `getJob`. */
export function startReport(workspace: string, body: ReportRequestBody): Promise<ReportStartedDto> {
  return request(`${ws(workspace)}/reports`, { method: 'POST', body });
}

/** The workspace's jobs, newest first, page by page (`nextCursor`). */
export function listJobs(
  workspace: string,
  query: ListJobsQuery = {},
  signal?: AbortSignal,
): Promise<JobListDto> {
  return getJson(`${ws(workspace)}/jobs${queryString({ ...query })}`, signal);
}

export function getJob(workspace: string, id: string, signal?: AbortSignal): Promise<JobDto> {
  return getJson(one(workspace, 'jobs', id), signal);
}

async function problemFrom(response: Response): Promise<ApiError> {
  const fallback: ProblemDetails = {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    detail: `The server answered with status ${response.status}.`,
  };
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return new ApiError(fallback);
  try {
    const body = (await response.json()) as Partial<ProblemDetails>;
    return new ApiError({
      type: typeof body.type === 'string' ? body.type : fallback.type,
      title: typeof body.title === 'string' ? body.title : fallback.title,
      status: typeof body.status === 'number' ? body.status : response.status,
      detail: typeof body.detail === 'string' ? body.detail : fallback.detail,
      ...(Array.isArray(body.errors) ? { errors: body.errors } : {}),
    });
  } catch {
    return new ApiError(fallback);
  }
}
