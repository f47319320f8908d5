// The /api router: mounts the registry's routes with validation, plus the OpenAPI document and docs page.
import express, { type Request, type Router } from 'express';
import type { StanceGraph } from '../graph/index.ts';
import type { Store } from '../store/index.ts';
import { renderDocsPage } from './docs-page.ts';
import { ApiError } from './errors.ts';
import { buildOpenApi, type OpenApiOptions } from './openapi.ts';
import type { RouteSpec } from './route-spec.ts';
import { ROUTES } from './routes.ts';
import { createServices, type ServiceOptions, type Services } from './services.ts';
import { NO_QUERY, parseBody, parseParams, parseQuery } from './validate.ts';

/** Bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT = '2mb';

function handle(spec: RouteSpec, services: Services) {
  return async (req: Request, res: express.Response) => {
    // Every route's query goes through its schema, an empty one when it declares none, so a
    // parameter no route reads is refused instead of silently ignored.
    const query = parseQuery(spec.query ?? NO_QUERY, req.query);
    if (spec.body && !req.is('application/json')) {
      throw new ApiError(415, 'unsupported_media_type', 'request body must be application/json');
    }
    const input = {
      query: spec.query ? query : undefined,
      params: spec.params ? parseParams(spec.params, req.params) : {},
      body: spec.body ? parseBody(spec.body, req.body) : undefined,
    };
    const reply = await spec.handler(input as never, services);
    if (reply.send) return reply.send(res);
    res.status(reply.status ?? spec.response.status);
    if (reply.type === undefined) {
      res.json(reply.body);
      return;
    }
    if (reply.fileName) res.attachment(reply.fileName);
    res.type(reply.type).send(reply.body);
  };
}

/** Routes declared absolute (e.g. /healthz) mounted on the app root. */
export function createRootRouter(store: Store, graph: StanceGraph): Router {
  const router = express.Router();
  const services = createServices(store, graph);
  for (const spec of ROUTES.filter((r) => r.absolute)) {
    router[spec.method](spec.path, handle(spec, services));
  }
  return router;
}

export function createApiRouter(
  store: Store,
  graph: StanceGraph,
  options: ServiceOptions & OpenApiOptions = {},
): Router {
  const router = express.Router();
  const services = createServices(store, graph, options);
  const openapi = buildOpenApi(ROUTES, options);
  const docs = renderDocsPage(openapi);
  router.use(express.json({ limit: BODY_LIMIT }));
  router.get('/openapi.json', (req, res) => {
    parseQuery(NO_QUERY, req.query);
    res.json(openapi);
  });
  router.get('/docs', (req, res) => {
    parseQuery(NO_QUERY, req.query);
    res.type('html').send(docs);
  });
  for (const spec of ROUTES.filter((r) => !r.absolute)) {
    router[spec.method](spec.path, handle(spec, services));
  }
  return router;
}
