// buildApp never listens: tests inject a fresh database, config and clock (see server/main.ts for the shell).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import helmet from 'helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { requestContexts, type ServiceContext } from './context.ts';
import type { Database } from './db/client.ts';
import { registerErrorHandler, routeNotFound } from './errors.ts';
import { logSafeError } from './database-errors.ts';
import { accessPlugin, SESSION_COOKIE } from './auth/access.ts';
import { makeDeviceCookies } from './auth/device-cookie.ts';
import { makeLoginThrottle } from './auth/login-throttle.ts';
import { dbFailureBooks } from './auth/login-failures.ts';
import { counterFor, counterRateLimitStore, keyHasher, type Counter } from './http/shared-limits.ts';
import type { SessionPolicy } from './auth/session.ts';
import { userRoutes } from './users/users.routes.ts';
import { edgesPlugin } from './http/edges.ts';
import { declareErrorResponses } from './http/error-responses.ts';
import { MAX_IMPORT_BYTES } from './imports/bounded-import.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { appealRoutes } from './appeals/appeals.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { cadreRoutes } from './cadres/cadres.routes.ts';
import { departmentRoutes } from './departments/departments.routes.ts';
import { enterpriseRoutes } from './enterprises/enterprises.routes.ts';
import { pointsRoutes } from './points/points.routes.ts';
import { integrityRoutes } from './integrity/integrity.routes.ts';
import { invitationRoutes } from './invitations/invitations.routes.ts';
import { followUpRoutes } from './follow-ups/follow-ups.routes.ts';
import { breakdownRoutes } from './breakdowns/breakdowns.routes.ts';
import { commentRoutes } from './comments/comments.routes.ts';
import { rectificationRoutes } from './rectification/rectification.routes.ts';
import { publicRoutes } from './public/public.routes.ts';
import { resultRoutes } from './results/results.routes.ts';
import { roundRoutes } from './rounds/rounds.routes.ts';
import { surveyRoutes } from './survey/survey.routes.ts';
import { requestRoutes } from './requests/requests.routes.ts';
import { registerCompression } from './web/compression.ts';
import { pageFor, serveWebApp } from './web/static.ts';
import { appJobs } from './jobs/jobs.ts';
import { startJobs } from './jobs/runner.ts';
import { makeLinkMaker } from './invitations/tokens.ts';
import { makeOutbound, type Outbound } from './outbound/outbound.ts';
import { outboxRoutes } from './outbound/outbox.routes.ts';
import { senderOf } from './outbound/sender.ts';

export interface AppDeps {
  database: Database;
  /** The whole configuration, defaults included (loadConfig; tests: test/support/config.ts testConfig). */
  config: Config;
  now?: () => Date;
  /** Wall-clock milliseconds for sessions and login backoff (tests control it; defaults to Date.now). */
  sessionNow?: () => number;
  /** Serve the built web app (web/dist) when present. */
  serveWeb?: boolean;
  /** Where the built web app is, when not web/dist (tests). */
  webDist?: string;
  /** Start the background jobs (default true); tests that run a job's work themselves may say false. */
  runJobs?: boolean;
  /** Where log lines go (default stdout): the anonymity test reads them. */
  logStream?: { write(line: string): void };
}

/** What every domain plugin receives: the app's dependencies with the clock resolved. */
export type RouteDeps = Omit<AppDeps, 'now'> & {
  now: () => Date;
  /** The city's time zone (TZ_CITY). */
  timeZone: string;
  /** Request counters shared by every replica (server/http/shared-limits.ts). */
  limitCounter: Counter;
  /** The SMS and e-mail gateways and the outbox job (server/outbound). */
  outbound: Outbound;
  /** The service context of a request (server/context.ts): database, actor, clock and zone. */
  context: (request: FastifyRequest) => ServiceContext;
};

declare module 'fastify' {
  interface FastifyInstance {
    outbound: Outbound;
  }
}

export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // Whatever logs an error (the error handler, timers, Fastify itself) goes through one scrubber.
    logger:
      deps.config.logLevel === 'silent'
        ? false
        : {
            level: deps.config.logLevel,
            serializers: { err: logSafeError },
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
    bodyLimit: 1024 * 1024,
    // Slow clients (slowloris) cannot hold a connection open forever.
    requestTimeout: 30_000,
    // Off by default: the socket address is the client's. Only listed proxies may name another.
    trustProxy: deps.config.trustProxy,
    // A malformed URL (%zz) answers in the one error shape too.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).code(400).send({ error: { code: 'bad_request', message: error.message } });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  // Security headers on every answer. Built once: @fastify/helmet rebuilds helmet on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd and recharts write inline styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // helmet 8 throws instead of passing errors to its callback.
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, () => done()));
  await registerCompression(app);
  await app.register(cookie);
  await app.register(jwt, { secret: deps.config.jwtSecret, cookie: { cookieName: SESSION_COOKIE, signed: false } });
  // On PostgreSQL counted in the database, so every replica shares each limit (and a restart forgets none);
  // the embedded PGlite has one process by design and counts in it.
  const hashKey = keyHasher(deps.config.jwtSecret);
  const limitCounter = counterFor(deps.database, hashKey);
  await app.register(rateLimit, { global: false, store: counterRateLimitStore(limitCounter) });
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Pingyi API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  const session: SessionPolicy = {
    idleMs: deps.config.sessionIdleMinutes * 60_000,
    maxMs: deps.config.sessionMaxHours * 3_600_000,
    secure: deps.config.publicBaseUrl.startsWith('https:'),
    now: deps.sessionNow ?? Date.now,
  };
  const now = deps.now ?? (() => new Date());
  await app.register(accessPlugin, { db: deps.database.db, session, now });
  // Every API route's OpenAPI entry lists the error bodies it can answer (4xx), declared here once.
  app.addHook('onRoute', declareErrorResponses);
  // After the role guard: a stranger learns "log in" (401) before anything about the request's shape.
  await app.register(edgesPlugin, { publicBaseUrl: deps.config.publicBaseUrl });

  const city = deps.config.city;
  const outbound = makeOutbound({
    db: deps.database.db,
    settings: deps.config.outbound,
    links: makeLinkMaker(deps.config.jwtSecret, deps.config.publicBaseUrl),
    sender: senderOf({ city: city.name?.zh, office: city.organiser?.zh, helpPhone: city.helpPhone }),
    timeZone: city.timeZone,
    now,
    log: (msg) => app.log.warn(msg),
  });
  app.decorate('outbound', outbound);
  const context = requestContexts(deps.database.db, now, city.timeZone);
  const routeDeps: RouteDeps = { ...deps, now, timeZone: city.timeZone, limitCounter, outbound, context };
  await app.register(
    async (api) => {
      await api.register(authRoutes, {
        ...routeDeps,
        session,
        loginThrottle: makeLoginThrottle(dbFailureBooks(deps.database.db, hashKey, session.now)),
        devices: makeDeviceCookies(deps.config.jwtSecret, session),
      });
      await api.register(userRoutes, routeDeps);
      await api.register(auditRoutes, routeDeps);
      await api.register(departmentRoutes, routeDeps);
      await api.register(enterpriseRoutes, routeDeps);
      await api.register(roundRoutes, routeDeps);
      await api.register(invitationRoutes, routeDeps);
      await api.register(followUpRoutes, routeDeps);
      await api.register(surveyRoutes, routeDeps);
      await api.register(resultRoutes, routeDeps);
      await api.register(integrityRoutes, routeDeps);
      await api.register(appealRoutes, routeDeps);
      await api.register(commentRoutes, routeDeps);
      await api.register(breakdownRoutes, routeDeps);
      await api.register(rectificationRoutes, routeDeps);
      await api.register(requestRoutes, routeDeps);
      await api.register(publicRoutes, routeDeps);
      await api.register(cadreRoutes, routeDeps);
      await api.register(pointsRoutes, routeDeps);
      await api.register(outboxRoutes, routeDeps);
    },
    { prefix: '/api/v1' },
  );

  // Background work runs as jobs claimed in the database: one set per process, each run in one process.
  const jobs = startJobs(
    deps.database.db,
    deps.runJobs === false
      ? []
      : appJobs({
          ballotMoveEveryMs: deps.config.ballotMoveEveryMs,
          outbox: { everyMs: deps.config.outboxEveryMs, outbound },
          release: { timeZone: routeDeps.timeZone, replyWorkingDays: deps.config.requestReplyWorkingDays },
        }),
    { now, log: app.log },
  );
  app.addHook('onClose', async () => {
    await jobs.stop();
    await outbound.close();
  });

  const webDist = deps.webDist ?? WEB_DIST;
  const web = deps.serveWeb && existsSync(webDist);
  if (web) await serveWebApp(app, webDist);
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/, /login, /s/<token>…) all load the single-page app; a missing asset is a 404.
    if (web && request.method === 'GET' && !/^\/(?:api|assets)\//.test(request.url)) {
      return reply.sendFile(pageFor(request.url));
    }
    return reply.status(404).send(routeNotFound(request.method, request.url));
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
