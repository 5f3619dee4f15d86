import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { ClasConfig } from '@clas/runtime';
import type { HttpRequest, HttpResponse, Next } from './http-types.js';

/**
 * Every answer is about people or public money and depends on who asks (the token's scope):
 * no browser, proxy or CDN may keep a copy — personal data (`/persons`) first, but a bilan or
 * a history is no less sensitive, and a 401 must not be replayed from a cache either.
 */
export function noStoreMiddleware(_req: HttpRequest, res: HttpResponse, next: Next): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * What a deployer expects of an HTTP service before it reaches a network: helmet's security
 * headers, no caching, no framework banner, and client addresses taken from X-Forwarded-For
 * only for the proxies the configuration declares (CLAS_TRUST_PROXY; the auth-failure limiter
 * keys on that address).
 *
 * helmet's defaults, with two changes: the API may not be framed at all (it has no page meant
 * for it), and no `upgrade-insecure-requests`, because TLS ends at the proxy in front of it and
 * `/docs` over plain http://host:3000 must still load its own scripts. Swagger UI needs nothing
 * more than 'self' (its assets and init script are served by the API, no inline script).
 */
export function hardenHttp(app: NestExpressApplication, config: ClasConfig): void {
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': null } },
      frameguard: { action: 'deny' },
    }),
  );
  app.use(noStoreMiddleware);
}
