import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import { activityRoutes } from '../features/activities/routes.ts';
import { archiveRoutes } from '../features/archive/routes.ts';
import { auditRoutes } from '../features/audit/routes.ts';
import { authRoutes } from '../features/auth/routes.ts';
import { agendaRoutes, calendarFeedRoutes, portalAgendaRoutes } from '../features/b2b-agendas/routes.ts';
import { dayPortalRoutes, dayRoutes } from '../features/b2b-day/routes.ts';
import { eventRoutes } from '../features/b2b-events/routes.ts';
import { authenticateParticipant } from '../features/b2b-participants/portal-auth.ts';
import {
  participantRoutes,
  portalRegistrationRoutes,
  publicEventRoutes,
} from '../features/b2b-participants/routes.ts';
import { marketplaceRoutes, portalMarketplaceRoutes } from '../features/b2b-requests/routes.ts';
import { scheduleRoutes } from '../features/b2b-schedule/routes.ts';
import { budgetRoutes } from '../features/budgets/routes.ts';
import { clusterRoutes } from '../features/clusters/routes.ts';
import { exportRoutes } from '../features/exports/routes.ts';
import { importRoutes } from '../features/imports/routes.ts';
import { instrumentRoutes } from '../features/instruments/routes.ts';
import { workspaceInstrumentRoutes } from '../features/instruments/workspace-routes.ts';
import { interactionRoutes } from '../features/interactions/routes.ts';
import { acceptInvitationRoutes, invitationRoutes } from '../features/invitations/routes.ts';
import { jobRoutes } from '../features/jobs/routes.ts';
import { activityKpiRoutes } from '../features/kpis/activity-kpis-routes.ts';
import { kpiEntryRoutes } from '../features/kpis/entries-routes.ts';
import { kpiRoutes } from '../features/kpis/routes.ts';
import { kpiTargetRoutes } from '../features/kpis/targets-routes.ts';
import type { BackgroundTasks } from '../features/mail/background.ts';
import type { MailSettings } from '../features/mail/mailer.ts';
import { outboxRoutes } from '../features/mail/routes.ts';
import { marketFindingRoutes } from '../features/market-findings/routes.ts';
import { marketRoutes } from '../features/markets/routes.ts';
import { abilityRoutes } from '../features/members/abilities-routes.ts';
import { memberRoutes } from '../features/members/routes.ts';
import { networkDataRoutes } from '../features/network-data/routes.ts';
import { networkHealthRoutes } from '../features/network-health/routes.ts';
import { networkRegistryRoutes } from '../features/network-registry/routes.ts';
import { organisationRoutes } from '../features/organisations/routes.ts';
import { passwordResetRoutes } from '../features/password-reset/routes.ts';
import { personRoutes } from '../features/people/routes.ts';
import { planRoutes } from '../features/plans/routes.ts';
import { projectRoutes } from '../features/projects/routes.ts';
import { relationshipRoutes } from '../features/relationships/routes.ts';
import { reportRoutes } from '../features/reports/routes.ts';
import { roadmapRoutes } from '../features/roadmap/routes.ts';
import { savedViewRoutes } from '../features/saved-views/routes.ts';
import { searchRoutes } from '../features/search/routes.ts';
import { surveyResultsRoutes } from '../features/survey-results/routes.ts';
import { publicSurveyRoutes, surveyWaveRoutes } from '../features/survey-waves/routes.ts';
import { questionnaireRoutes } from '../features/surveys/routes.ts';
import { travelRateRoutes } from '../features/travel-rates/routes.ts';
import { operatorRoutes } from '../features/workspaces/operator-routes.ts';
import { settingsRoutes } from '../features/workspaces/settings-routes.ts';
import { setupRoutes } from '../features/workspaces/setup-routes.ts';
import { authenticate, resolveWorkspaceActor } from '../http/authentication.ts';
import { preventCachingOfApiAnswers } from '../http/cache-control.ts';
import { healthRoutes } from '../http/health-routes.ts';
import { rejectNulCharacters } from '../http/nul-characters.ts';
import { handleError, handleFrameworkError, problem, sendProblem } from '../http/problem.ts';
import { sharedRateLimitStore } from '../http/rate-limit-store.ts';
import { addSecurityHeaders } from '../http/security-headers.ts';
import type { JobQueue, JobQueueOptions } from '../jobs/queue.ts';
import { VERSION } from '../version.ts';
import { registerMetrics } from './metrics.ts';
import { createServices, type Services } from './services.ts';

export interface AppOptions {
  database: Database;
  /** Fastify's logger option: false in tests, pino options when serving. */
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; the SPA is served from it when it exists. */
  webDist?: string;
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
  /** Which reverse proxies to believe about the client and the protocol (config `TRUST_PROXY`). */
  trustProxy?: boolean | number | string[];
  /**
   * How often the periodic tick runs (the weekly network digest, issue 21); unset: no tick (tests,
   * CLI). `space2id serve` sets one hour.
   */
  periodicTickMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The background job queue (funder reports); tests wait on `jobs.idle()`. */
    jobs: JobQueue;
  }
}

/**
 * Only the app's own origin may provide scripts, styles, images and API calls; no page may frame
 * the Hub. Mantine sets CSS variables in style attributes and one style element, hence the
 * 'unsafe-inline' for styles only.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Largest JSON body accepted (bigger answers 413); the import routes set their own limits. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Assembles the Hub: schema compilers, OpenAPI, error mapping, the features' routes under
 * `/api/v1`, and the web app. No I/O happens here besides what the routes do when called.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Long path parameters reach the zod schemas, which answer 400 naming the field (not a bare 414).
    routerOptions: { maxParamLength: 2048 },
    // Behind a TLS proxy, X-Forwarded-Proto makes request.protocol "https" (the session cookie is then Secure).
    trustProxy: trustedProxies(options.trustProxy ?? false),
    // Ids unique across processes (several servers share one database and one log store).
    genReqId: () => randomUUID(),
    // One line per API request, written by logApiRequests: static files are not logged.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    // A URL the router cannot read is answered as a problem too (400, or 414 past that length).
    frameworkErrors: handleFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  addSecurityHeaders(app, CONTENT_SECURITY_POLICY);
  rejectNulCharacters(app);
  preventCachingOfApiAnswers(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SPACE2ID Hub API',
        version: VERSION,
        description:
          'Plan, run and prove a cluster partnership’s internationalisation programme. Errors are ' +
          '`application/problem+json` (RFC 9457) with a list of field errors.',
      },
      tags: [
        { name: 'catalogue', description: 'The internationalisation instruments of SPACE2ID D4.2' },
        { name: 'auth', description: 'Sign-in, sessions, the current user and personal API tokens' },
        { name: 'registry', description: 'Clusters, member organisations and people of a workspace' },
        { name: 'planning', description: 'Target markets, plans, activities, budgets and travel rates' },
        {
          name: 'kpis',
          description: 'KPIs: definitions, targets, entered values, roll-ups and their records',
        },
        { name: 'reports', description: 'Funder reports (PDF, XLSX) made by background jobs' },
        { name: 'archive', description: "A workspace's portable archive: export, check, import" },
        {
          name: 'network',
          description:
            'The network abroad: organisations and people outside the consortium, interactions, the pipeline, projects, its health',
        },
        {
          name: 'events',
          description:
            'B2B matchmaking events: set-up, registration, requests, schedules, agendas, the day and the follow-up',
        },
        {
          name: 'surveys',
          description:
            'Surveys and readiness: questionnaires, waves, answers, results and readiness profiles',
        },
        { name: 'audit', description: 'Who changed what' },
        { name: 'lists', description: 'The global search and your saved views of the lists' },
        { name: 'workspaces', description: 'Workspace set-up links and settings' },
        {
          name: 'operator',
          description:
            'The instance operator: workspaces’ names, sizes and coordinators, never their content',
        },
        { name: 'events', description: 'B2B matchmaking events: registration, the event portal' },
        { name: 'system', description: 'Health and metadata' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The reference page ships an inline script: swagger-ui sets a CSP with its hash, which we align
  // with ours (no framing, no outside validator, inline styles as swagger-ui applies them).
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { validatorUrl: null },
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .split(';')
        .map((directive) => directive.trim())
        .filter((directive) => directive !== '')
        .map((directive) => {
          if (directive.startsWith('style-src ')) return "style-src 'self' 'unsafe-inline'";
          if (directive.startsWith('frame-ancestors ')) return "frame-ancestors 'none'";
          if (directive.startsWith('img-src ')) return "img-src 'self' data:";
          return directive;
        })
        .join('; '),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyCookie);
  app.decorateRequest('auth', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('participant', null);
  const { database } = options;
  logApiRequests(app);
  // Only routes that ask for it are limited (sign-in, password reset, accepting an invitation);
  // checked after the body is parsed, so the key can include the e-mail. Counters live in the
  // database, so servers sharing it share the limits (decision 0014).
  await app.register(fastifyRateLimit, {
    global: false,
    hook: 'preHandler',
    store: sharedRateLimitStore(database.db, {
      onSweepError: (err) => app.log.warn({ err }, 'expired rate-limit counters could not be deleted'),
    }),
  });

  await app.register(healthRoutes(database), { prefix: '/api' });
  registerMetrics(app, database.db);
  const services = createServices({
    db: database.db,
    log: app.log,
    ...(options.mail ? { mail: options.mail } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.background ? { background: options.background } : {}),
    ...(options.catalogueRevalidateMs !== undefined
      ? { catalogueRevalidateMs: options.catalogueRevalidateMs }
      : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
  });
  app.decorate('jobs', services.queue);
  // The job worker starts once the app is ready (listen, or the first inject) and stops on close.
  app.addHook('onReady', () => startJobWorker(services, app.log));
  app.addHook('onClose', () => services.close());
  if (options.periodicTickMs) startPeriodicTick(app, services, options.periodicTickMs);

  await app.register(publicRoutes(services), { prefix: '/api/v1' });
  await app.register(workspaceScope(services), { prefix: '/api/v1/workspaces/:workspace' });

  await registerWebApp(app, options.webDist);
  return app;
}

/** The routes outside any workspace: the catalogue, sign-in, invitations, password resets, the dev outbox. */
function publicRoutes(services: Services): FastifyPluginAsync {
  return async (scope) => {
    await scope.register(instrumentRoutes(services.instruments));
    await scope.register(authRoutes(services.auth));
    await scope.register(acceptInvitationRoutes(services.invitations));
    await scope.register(passwordResetRoutes(services.passwordResets));
    await scope.register(outboxRoutes(services.outbox, services.auth));
    await scope.register(setupRoutes(services.setup));
    await scope.register(operatorRoutes(services.operator, services.auth));
    await scope.register(calendarFeedRoutes(services.agendas));
    await scope.register(portalAgendaRoutes(services.db, services.agendas), { prefix: '/event-portal' });
    await scope.register(dayPortalRoutes(services.db, services.eventDay, services.eventDayCommands));
    await scope.register(publicEventRoutes(services.b2bParticipants));
    await scope.register(portalRegistrationRoutes(services.b2bParticipants, services.db));
    await scope.register(portalMarketplaceRoutes(services.marketplace, authenticateParticipant(services.db)));
    await scope.register(publicSurveyRoutes(services.surveyAnswers));
  };
}

/**
 * Everything under `/api/v1/workspaces/{workspace}`: the caller must be signed in (401) and a
 * member of that workspace (404 otherwise), and each route declares the permission it needs.
 */
function workspaceScope(services: Services): FastifyPluginAsync {
  return async (scope) => {
    scope.addHook('onRequest', authenticate(services.auth));
    scope.addHook('onRequest', resolveWorkspaceActor(services.workspaces));
    await scope.register(clusterRoutes(services.clusters));
    await scope.register(organisationRoutes(services.organisations));
    await scope.register(personRoutes(services.people));
    await scope.register(
      networkRegistryRoutes({ organisations: services.networkOrganisations, people: services.networkPeople }),
    );
    await scope.register(importRoutes(services.imports));
    await scope.register(networkDataRoutes(services.networkData));
    await scope.register(exportRoutes(services.exports));
    await scope.register(auditRoutes(services.audit));
    await scope.register(invitationRoutes(services.invitations));
    await scope.register(memberRoutes(services.members));
    await scope.register(abilityRoutes(services.abilities));
    await scope.register(
      workspaceInstrumentRoutes({
        instruments: services.workspaceInstruments,
        update: services.commands.updateInstrument,
      }),
    );
    await scope.register(marketRoutes(services.markets));
    await scope.register(marketFindingRoutes(services.marketFindings));
    await scope.register(planRoutes({ plans: services.plans, copyPlan: services.commands.copyPlan }));
    await scope.register(activityRoutes(services.activities));
    await scope.register(
      roadmapRoutes({ roadmap: services.roadmap, accept: services.commands.acceptRecommendation }),
    );
    await scope.register(
      budgetRoutes({
        costLines: services.costLines,
        estimates: services.estimates,
        rollups: services.rollups,
        burns: services.burns,
        estimateActivity: services.commands.estimateActivity,
      }),
    );
    await scope.register(travelRateRoutes(services.travelRates));
    await scope.register(kpiRoutes(services.kpis));
    await scope.register(kpiTargetRoutes(services.kpiTargets));
    await scope.register(kpiEntryRoutes(services.kpiEntries));
    await scope.register(activityKpiRoutes(services.activityKpis));
    await scope.register(jobRoutes(services.jobs));
    await scope.register(reportRoutes(services.reports));
    await scope.register(archiveRoutes(services.archives));
    await scope.register(searchRoutes(services.search));
    await scope.register(savedViewRoutes(services.savedViews));
    await scope.register(surveyWaveRoutes(services.surveyWaves));
    await scope.register(settingsRoutes(services.workspaceSettings));
    await scope.register(interactionRoutes(services.interactions));
    await scope.register(networkHealthRoutes(services.networkHealth));
    await scope.register(projectRoutes(services.projects));
    await scope.register(relationshipRoutes(services.relationships));
    await scope.register(eventRoutes(services.events));
    await scope.register(scheduleRoutes(services.b2bSchedule));
    await scope.register(agendaRoutes(services.agendas));
    await scope.register(dayRoutes(services.eventDay, services.eventDayCommands));
    await scope.register(participantRoutes(services.b2bParticipants, services.b2bParticipantImports));
    await scope.register(marketplaceRoutes(services.marketplace));
    await scope.register(questionnaireRoutes(services.questionnaires));
    await scope.register(surveyResultsRoutes(services.surveyResults));
  };
}

/**
 * Works the queue, taking over the jobs whose server stopped (their lease expired); the API works
 * without it.
 */
function startJobWorker(services: Services, log: FastifyInstance['log']): void {
  try {
    services.queue.start();
  } catch (err) {
    log.error({ err }, 'the background job worker could not start');
  }
}

/**
 * The periodic tick (docs/ARCHITECTURE.md): a minute after start, then every `everyMs`, each
 * server sends the network digests of the current ISO week that no server has sent yet (the
 * `network_digest` unique key makes it once per owner and week, however many servers tick).
 */
function startPeriodicTick(app: FastifyInstance, services: Services, everyMs: number): void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    services.networkDigest
      .tick()
      .catch((err: unknown) => app.log.error({ err }, 'the weekly network digest failed'))
      .then(() =>
        services.marketplaceTick
          .tick()
          .catch((err: unknown) =>
            app.log.error({ err }, 'the meeting requests’ expiry and reminders failed'),
          ),
      )
      .finally(() => {
        running = false;
      });
  };
  let interval: NodeJS.Timeout | null = null;
  const first = setTimeout(
    () => {
      tick();
      interval = setInterval(tick, everyMs);
      interval.unref();
    },
    Math.min(60_000, everyMs),
  );
  first.unref();
  app.addHook('onClose', async () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  });
}

/**
 * One log line per API request when it is answered, carrying its request id (as every line logged
 * while serving it does), and the id in the `x-request-id` answer header for support requests.
 */
function logApiRequests(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request answered',
    );
  });
}

/** Fastify's form of `TRUST_PROXY`: a number of hops becomes "trust the first n hops". */
function trustedProxies(setting: boolean | number | string[]) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** Serves the built SPA; unknown non-API paths get `index.html` so client routes deep-link. */
async function registerWebApp(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  const hasWeb = webDist !== undefined && existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      setHeaders(res, filePath) {
        // Vite's hashed assets never change; index.html must always be revalidated.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    if (pathname === '/api' || pathname.startsWith('/api/') || request.method !== 'GET') {
      return sendProblem(reply, {
        ...problem(404, `No route ${request.method} ${pathname}`),
        instance: request.url,
      });
    }
    if (!hasWeb) {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built: run `npm run build:web` (npm start does it for you).');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
