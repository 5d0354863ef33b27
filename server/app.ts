// buildApp never listens: tests inject a fresh database, config and clock (see server/main.ts for the shell).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import helmet from 'helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { DEFAULT_CITY_TZ } from '../shared/city-day.ts';
import type { Database } from './db/client.ts';
import { registerErrorHandler, routeNotFound } from './errors.ts';
import { accessPlugin, SESSION_COOKIE } from './auth/access.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { appealRoutes } from './appeals/appeals.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { cadreRoutes } from './cadres/cadres.routes.ts';
import { departmentRoutes } from './departments/departments.routes.ts';
import { enterpriseRoutes } from './enterprises/enterprises.routes.ts';
import { pointsRoutes } from './points/points.routes.ts';
import { integrityRoutes } from './integrity/integrity.routes.ts';
import { invitationRoutes } from './invitations/invitations.routes.ts';
import { commentRoutes } from './comments/comments.routes.ts';
import { rectificationRoutes } from './rectification/rectification.routes.ts';
import { publicRoutes } from './public/public.routes.ts';
import { resultRoutes } from './results/results.routes.ts';
import { roundRoutes } from './rounds/rounds.routes.ts';
import { surveyRoutes } from './survey/survey.routes.ts';

export interface AppDeps {
  database: Database;
  config: Pick<Config, 'jwtSecret' | 'publicBaseUrl' | 'logLevel' | 'production'> & Partial<Pick<Config, 'surveyRateLimit' | 'publicDisclosure' | 'cityTimeZone' | 'appealWindowDays'>>;
  now?: () => Date;
  /** Serve the built web app (web/dist) when present. */
  serveWeb?: boolean;
}

/** What every domain plugin receives: the app's dependencies with the clock resolved. */
export type RouteDeps = Omit<AppDeps, 'now'> & { now: () => Date; /** The city's time zone (TZ_CITY). */ timeZone: string };

export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    bodyLimit: 1024 * 1024,
    // Slow clients (slowloris) cannot hold a connection open forever.
    requestTimeout: 30_000,
    trustProxy: true,
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
  await app.register(cookie);
  await app.register(jwt, { secret: deps.config.jwtSecret, cookie: { cookieName: SESSION_COOKIE, signed: false } });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Pingyi API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(accessPlugin);

  const now = deps.now ?? (() => new Date());
  const routeDeps: RouteDeps = { ...deps, now, timeZone: deps.config.cityTimeZone ?? DEFAULT_CITY_TZ };
  await app.register(async (api) => {
    await api.register(authRoutes, routeDeps);
    await api.register(auditRoutes, routeDeps);
    await api.register(departmentRoutes, routeDeps);
    await api.register(enterpriseRoutes, routeDeps);
    await api.register(roundRoutes, routeDeps);
    await api.register(invitationRoutes, routeDeps);
    await api.register(surveyRoutes, routeDeps);
    await api.register(resultRoutes, routeDeps);
    await api.register(integrityRoutes, routeDeps);
    await api.register(appealRoutes, routeDeps);
    await api.register(commentRoutes, routeDeps);
    await api.register(rectificationRoutes, routeDeps);
    await api.register(publicRoutes, routeDeps);
    await api.register(cadreRoutes, routeDeps);
    await api.register(pointsRoutes, routeDeps);
  }, { prefix: '/api/v1' });

  const web = deps.serveWeb && existsSync(WEB_DIST);
  if (web) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/, /login, /s/<token>…) all load the single-page app.
    if (web && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send(routeNotFound(request.method, request.url));
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
