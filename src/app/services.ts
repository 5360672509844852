import type { Kysely } from 'kysely';
import { acceptRecommendationCommand } from '../commands/accept-recommendation.ts';
import { copyPlanCommand } from '../commands/copy-plan.ts';
import { estimateActivityCommand } from '../commands/estimate-activity.ts';
import { giveMeetingFeedbackCommand } from '../commands/give-meeting-feedback.ts';
import { linkParticipantToNetworkCommand } from '../commands/link-participant-to-network.ts';
import { setMeetingStatusCommand } from '../commands/set-meeting-status.ts';
import { updateInstrumentCommand } from '../commands/update-instrument.ts';
import type { DB } from '../db/schema.ts';
import { setEvidenceRefresher } from '../db/write-transaction.ts';
import { ActivityService } from '../features/activities/service.ts';
import { ARCHIVE_JOB_KIND, archiveJobHandler } from '../features/archive/archive-job.ts';
import { ArchiveService } from '../features/archive/service.ts';
import { AuditService } from '../features/audit/service.ts';
import { AuthRepository } from '../features/auth/repository.ts';
import { AuthService } from '../features/auth/service.ts';
import { agendaMailsJobHandler } from '../features/b2b-agendas/mail-job.ts';
import { AGENDA_MAILS_JOB_KIND, AgendaService } from '../features/b2b-agendas/service.ts';
import { DayService } from '../features/b2b-day/service.ts';
import { EventRefReader } from '../features/b2b-events/event-ref.ts';
import { EventService } from '../features/b2b-events/service.ts';
import { ParticipantImportService } from '../features/b2b-participants/import.ts';
import { ParticipantService } from '../features/b2b-participants/service.ts';
import { MarketplaceService } from '../features/b2b-requests/service.ts';
import { RequestTickService } from '../features/b2b-requests/tick.ts';
import { scheduleJobHandler } from '../features/b2b-schedule/schedule-job.ts';
import { SCHEDULE_JOB_KIND, ScheduleService } from '../features/b2b-schedule/service.ts';
import { BurnService } from '../features/budgets/burn-service.ts';
import { CostLineService } from '../features/budgets/cost-line-service.ts';
import { EstimateService } from '../features/budgets/estimate-service.ts';
import { RollupService } from '../features/budgets/rollup-service.ts';
import { ClusterService } from '../features/clusters/service.ts';
import { ExportService } from '../features/exports/service.ts';
import { ImportService } from '../features/imports/service.ts';
import { InstrumentRepository } from '../features/instruments/repository.ts';
import { InstrumentService } from '../features/instruments/service.ts';
import { WorkspaceInstrumentService } from '../features/instruments/workspace-service.ts';
import { InteractionService } from '../features/interactions/service.ts';
import { InvitationService } from '../features/invitations/service.ts';
import { JobService } from '../features/jobs/service.ts';
import { ActivityKpiService } from '../features/kpis/activity-kpis-service.ts';
import { refreshKpiActuals } from '../features/kpis/actuals.ts';
import { KpiEntryService } from '../features/kpis/entries-service.ts';
import { KpiService } from '../features/kpis/service.ts';
import { KpiTargetService } from '../features/kpis/targets-service.ts';
import { BackgroundTasks } from '../features/mail/background.ts';
import { createMailer } from '../features/mail/create-mailer.ts';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from '../features/mail/mailer.ts';
import { OutboxService } from '../features/mail/service.ts';
import { MarketFindingService } from '../features/market-findings/service.ts';
import { MarketService } from '../features/markets/service.ts';
import { AbilityService } from '../features/members/abilities-service.ts';
import { MemberService } from '../features/members/service.ts';
import { NetworkDataService } from '../features/network-data/service.ts';
import { NetworkDigestService } from '../features/network-health/digest.ts';
import { NetworkHealthService } from '../features/network-health/service.ts';
import { NetworkOrganisationService, NetworkPersonService } from '../features/network-registry/service.ts';
import { OrganisationService } from '../features/organisations/service.ts';
import { PasswordResetService } from '../features/password-reset/service.ts';
import { PersonService } from '../features/people/service.ts';
import { PlanService } from '../features/plans/service.ts';
import { ProjectService } from '../features/projects/service.ts';
import { RelationshipService } from '../features/relationships/service.ts';
import { REPORT_JOB_KIND, reportJobHandler } from '../features/reports/report-job.ts';
import { ReportService } from '../features/reports/service.ts';
import { RoadmapService } from '../features/roadmap/service.ts';
import { SavedViewService } from '../features/saved-views/service.ts';
import { SearchService } from '../features/search/service.ts';
import { SurveyResultsService } from '../features/survey-results/service.ts';
import { SurveyAnswerService } from '../features/survey-waves/answering.ts';
import { WaveService } from '../features/survey-waves/service.ts';
import { SurveyTickService } from '../features/survey-waves/tick.ts';
import { QuestionnaireService } from '../features/surveys/service.ts';
import { TravelRateService } from '../features/travel-rates/service.ts';
import { DELETE_WORKSPACE_JOB_KIND, deleteWorkspaceJobHandler } from '../features/workspaces/deletion-job.ts';
import { OperatorService } from '../features/workspaces/operator-service.ts';
import { WorkspaceRepository } from '../features/workspaces/repository.ts';
import { WorkspaceSettingsService } from '../features/workspaces/settings-service.ts';
import { WorkspaceSetupService } from '../features/workspaces/setup-service.ts';
import { JobQueue, type JobQueueOptions } from '../jobs/queue.ts';

/** What the services need from outside: the database and the settings of the process. */
export interface ServiceOptions {
  db: Kysely<DB>;
  /** How mail leaves and where its links point (default: the database outbox, http://localhost:3000). */
  mail?: Partial<MailSettings>;
  /** The clock of sign-in, invitations and password resets (tests move it forward). */
  clock?: () => Date;
  /** Where work after the answer runs, such as reset mails (tests wait with `idle()`). */
  background?: BackgroundTasks;
  /** How often the catalogue list re-reads the stored catalogue revision (default 1000 ms). */
  catalogueRevalidateMs?: number;
  /** The background job queue's settings (poll interval, progress write interval). */
  jobs?: JobQueueOptions;
  /** Where failures of work done after the answer (mails, jobs) are logged (default: stderr). */
  log?: ErrorLog;
}

/** The part of a pino logger the services use. */
export interface ErrorLog {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

const STDERR_LOG: ErrorLog = {
  error: (details, message) => console.error(message, details),
  warn: (details, message) => console.warn(message, details),
};

/**
 * The composition root of the use cases: every service of the Hub built once, with what it needs.
 * The HTTP app (`build-app.ts`), the CLI and the demo seed take their services from here, so a
 * service is wired in one way only, and the database's evidence refresher (decision 0013) is
 * always set before anything can write.
 */
export function createServices(options: ServiceOptions) {
  const { db } = options;
  setEvidenceRefresher(db, refreshKpiActuals);
  const clock = options.clock ?? (() => new Date());
  const mailSettings: MailSettings = { ...DEFAULT_MAIL_SETTINGS, ...options.mail };
  const mailer = createMailer(mailSettings, db);
  const log = options.log ?? STDERR_LOG;
  const background =
    options.background ?? new BackgroundTasks((err, name) => log.error({ err }, `${name} failed`));
  const auth = new AuthService(new AuthRepository(db), options.clock);
  const kpis = new KpiService(db);
  const queue = new JobQueue(db, {
    onError: (err, job) => log.error({ err, jobId: job?.id }, 'background job failed'),
    onTakeover: (job) =>
      log.warn({ jobId: job.id, attempt: job.attempt }, 'job run again: the server working on it stopped'),
    onLost: (job) =>
      log.warn({ jobId: job.id }, 'job taken over by another server: its result is not stored'),
    ...options.jobs,
  });
  queue.register(
    REPORT_JOB_KIND,
    reportJobHandler(db, (actor, query) => kpis.rollup(actor, query)),
  );
  queue.register(ARCHIVE_JOB_KIND, archiveJobHandler(db));
  const agendas = new AgendaService(db, { publicUrl: mailSettings.publicUrl, queue, clock });
  queue.register(AGENDA_MAILS_JOB_KIND, agendaMailsJobHandler(db, agendas, mailer));

  queue.register(DELETE_WORKSPACE_JOB_KIND, deleteWorkspaceJobHandler(db));
  queue.register(SCHEDULE_JOB_KIND, scheduleJobHandler(db));
  const setup = new WorkspaceSetupService({ db, auth, publicUrl: mailSettings.publicUrl, clock });

  return {
    db,
    mailer,
    background,
    queue,
    workspaces: new WorkspaceRepository(db),
    setup,
    operator: new OperatorService({ db, setup, mailer, notifyJobs: () => queue.notify() }),
    workspaceSettings: new WorkspaceSettingsService(db),
    instruments: new InstrumentService(new InstrumentRepository(db), {
      revalidateMs: options.catalogueRevalidateMs,
    }),
    workspaceInstruments: new WorkspaceInstrumentService(db),
    auth,
    invitations: new InvitationService({ db, auth, mailer, publicUrl: mailSettings.publicUrl, clock }),
    passwordResets: new PasswordResetService({
      db,
      mailer,
      background,
      publicUrl: mailSettings.publicUrl,
      clock,
    }),
    outbox: new OutboxService(db, mailer),
    audit: new AuditService(db),
    clusters: new ClusterService(db),
    organisations: new OrganisationService(db),
    projects: new ProjectService(db, clock),
    questionnaires: new QuestionnaireService(db),
    surveyResults: new SurveyResultsService(db),
    people: new PersonService(db),
    networkOrganisations: new NetworkOrganisationService(db),
    networkPeople: new NetworkPersonService(db),
    imports: new ImportService(db),
    networkData: new NetworkDataService(db),
    exports: new ExportService(db),
    members: new MemberService(db),
    abilities: new AbilityService(db),
    markets: new MarketService(db),
    marketFindings: new MarketFindingService(db),
    roadmap: new RoadmapService(db),
    plans: new PlanService(db),
    activities: new ActivityService(db),
    interactions: new InteractionService(db),
    costLines: new CostLineService(db),
    estimates: new EstimateService(db),
    rollups: new RollupService(db),
    burns: new BurnService(db),
    travelRates: new TravelRateService(db),
    kpis,
    kpiTargets: new KpiTargetService(db),
    kpiEntries: new KpiEntryService(db),
    activityKpis: new ActivityKpiService(db),
    jobs: new JobService(db),
    reports: new ReportService(db, queue),
    archives: new ArchiveService(db, queue),
    savedViews: new SavedViewService(db),
    search: new SearchService(db),
    networkHealth: new NetworkHealthService(db, clock),
    networkDigest: new NetworkDigestService({ db, mailer, publicUrl: mailSettings.publicUrl, clock }),
    relationships: new RelationshipService(db),
    events: new EventService(db, clock),
    b2bSchedule: new ScheduleService(db, queue),
    agendas,
    eventDay: new DayService(db, clock),
    eventDayCommands: {
      setMeetingStatus: setMeetingStatusCommand(db, clock),
      giveFeedback: giveMeetingFeedbackCommand(db, clock),
    },
    b2bParticipants: new ParticipantService({
      db,
      mailer,
      background,
      publicUrl: mailSettings.publicUrl,
      clock,
      linkToNetwork: linkParticipantToNetworkCommand(),
    }),
    b2bParticipantImports: new ParticipantImportService(db),
    marketplace: new MarketplaceService({
      db,
      refs: new EventRefReader(db),
      mailer,
      background,
      publicUrl: mailSettings.publicUrl,
      clock,
    }),
    marketplaceTick: new RequestTickService({ db, mailer, publicUrl: mailSettings.publicUrl, clock }),
    // Issue 23 — survey waves
    surveyWaves: new WaveService({ db, mailer, background, publicUrl: mailSettings.publicUrl, clock }),
    surveyAnswers: new SurveyAnswerService({ db, clock }),
    surveyTick: new SurveyTickService({ db, mailer, publicUrl: mailSettings.publicUrl, clock }),
    commands: {
      copyPlan: copyPlanCommand(db),
      estimateActivity: estimateActivityCommand(db),
      updateInstrument: updateInstrumentCommand(db),
      acceptRecommendation: acceptRecommendationCommand(db),
    },
    /** Waits for mail still being sent, stops the job worker, closes the SMTP connection pool. */
    async close() {
      await queue.stop();
      await background.idle();
      await mailer.close();
    },
  };
}

export type Services = ReturnType<typeof createServices>;
