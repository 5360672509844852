import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import { activityRoutes } from '../features/activities/routes.ts';
import { ActivityService } from '../features/activities/service.ts';
import { auditRoutes } from '../features/audit/routes.ts';
import { AuthRepository } from '../features/auth/repository.ts';
import { authRoutes } from '../features/auth/routes.ts';
import { AuthService } from '../features/auth/service.ts';
import { BurnService } from '../features/budgets/burn-service.ts';
import { CostLineService } from '../features/budgets/cost-line-service.ts';
import { EstimateService } from '../features/budgets/estimate-service.ts';
import { RollupService } from '../features/budgets/rollup-service.ts';
import { budgetRoutes } from '../features/budgets/routes.ts';
import { clusterRoutes } from '../features/clusters/routes.ts';
import { ClusterService } from '../features/clusters/service.ts';
import { exportRoutes } from '../features/exports/routes.ts';
import { ExportService } from '../features/exports/service.ts';
import { importRoutes } from '../features/imports/routes.ts';
import { ImportService } from '../features/imports/service.ts';
import { InstrumentRepository } from '../features/instruments/repository.ts';
import { instrumentRoutes } from '../features/instruments/routes.ts';
import { InstrumentService } from '../features/instruments/service.ts';
import { kpiEditRoutes } from '../features/kpis/edit-routes.ts';
import { kpiRoutes } from '../features/kpis/routes.ts';
import { KpiService } from '../features/kpis/service.ts';
import type { BackgroundTasks } from '../features/mail/background.ts';
import type { MailSettings } from '../features/mail/mailer.ts';
import { type MailFeatures, mailFeatures } from '../features/mail/wiring.ts';
import { marketRoutes } from '../features/markets/routes.ts';
import { MarketService } from '../features/markets/service.ts';
import { abilityRoutes } from '../features/members/abilities-routes.ts';
import { memberRoutes } from '../features/members/routes.ts';
import { MemberService } from '../features/members/service.ts';
import { organisationRoutes } from '../features/organisations/routes.ts';
import { OrganisationService } from '../features/organisations/service.ts';
import { personRoutes } from '../features/people/routes.ts';
import { PersonService } from '../features/people/service.ts';
import { planRoutes } from '../features/plans/routes.ts';
import { PlanService } from '../features/plans/service.ts';
import { type ReportFeatures, reportFeatures } from '../features/reports/wiring.ts';
import { travelRateRoutes } from '../features/travel-rates/routes.ts';
import { TravelRateService } from '../features/travel-rates/service.ts';
import { WorkspaceRepository } from '../features/workspaces/repository.ts';
import type { JobQueue, JobQueueOptions } from '../jobs/queue.ts';
import { VERSION } from '../version.ts';
import { authenticate, resolveWorkspaceActor } from './authentication.ts';
import { healthRoutes } from './health-routes.ts';
import { rejectNulCharacters } from './nul-characters.ts';
import { handleError, problem, sendProblem } from './problem.ts';
import { addSecurityHeaders } from './security-headers.ts';

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
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  addSecurityHeaders(app, CONTENT_SECURITY_POLICY);
  rejectNulCharacters(app);

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
        { name: 'audit', description: 'Who changed what' },
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
  // Only routes that ask for it are limited (sign-in); checked after the body is parsed, so the
  // key can include the e-mail. Counters live in this process.
  await app.register(fastifyRateLimit, { global: false, hook: 'preHandler' });

  const { database } = options;
  await app.register(healthRoutes(database), { prefix: '/api' });
  const instruments = new InstrumentService(new InstrumentRepository(database.db), {
    revalidateMs: options.catalogueRevalidateMs,
  });
  await app.register(instrumentRoutes(instruments), { prefix: '/api/v1' });

  const auth = new AuthService(new AuthRepository(database.db), options.clock);
  await app.register(authRoutes(auth), { prefix: '/api/v1' });
  const mail = mailFeatures({
    database,
    auth,
    log: app.log,
    ...(options.mail ? { settings: options.mail } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.background ? { background: options.background } : {}),
  });
  app.addHook('onClose', () => mail.close());
  await app.register(mail.publicRoutes, { prefix: '/api/v1' });
  // The job worker starts once the app is ready (listen, or the first inject) and stops on close.
  const reports = reportFeatures({ database, log: app.log, ...(options.jobs ? { jobs: options.jobs } : {}) });
  app.decorate('jobs', reports.queue);
  app.addHook('onReady', () => reports.start());
  app.addHook('onClose', () => reports.close());
  await app.register(workspaceScope(database, auth, mail, reports), {
    prefix: '/api/v1/workspaces/:workspace',
  });

  await registerWebApp(app, options.webDist);
  return app;
}

/**
 * Everything under `/api/v1/workspaces/{workspace}`: the caller must be signed in (401) and a
 * member of that workspace (404 otherwise), and each route declares the permission it needs.
 */
function workspaceScope(
  database: Database,
  auth: AuthService,
  mail: MailFeatures,
  reports: ReportFeatures,
): FastifyPluginAsync {
  return async (scope) => {
    scope.addHook('onRequest', authenticate(auth));
    scope.addHook('onRequest', resolveWorkspaceActor(new WorkspaceRepository(database.db)));
    await scope.register(clusterRoutes(new ClusterService(database.db)));
    await scope.register(organisationRoutes(new OrganisationService(database.db)));
    await scope.register(personRoutes(new PersonService(database.db)));
    await scope.register(importRoutes(new ImportService(database.db)));
    await scope.register(exportRoutes(new ExportService(database.db)));
    await scope.register(auditRoutes(database));
    await scope.register(mail.workspaceRoutes);
    await scope.register(memberRoutes(new MemberService(database.db)));
    await scope.register(abilityRoutes(database.db));
    await scope.register(marketRoutes(new MarketService(database.db)));
    await scope.register(planRoutes(new PlanService(database.db)));
    await scope.register(activityRoutes(new ActivityService(database.db)));
    await scope.register(
      budgetRoutes({
        costLines: new CostLineService(database.db),
        estimates: new EstimateService(database.db),
        rollups: new RollupService(database.db),
        burns: new BurnService(database.db),
      }),
    );
    await scope.register(travelRateRoutes(new TravelRateService(database.db)));
    await scope.register(kpiRoutes(new KpiService(database.db)));
    await scope.register(kpiEditRoutes(database.db));
    await scope.register(reports.workspaceRoutes);
  };
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
