// The OpenAPI 3.1 document, generated from the route registry's zod schemas, with the answers the
// security stack gives in front of every route (403 preflight, 421 Host, 401 token) and the bearer
// scheme on the operations that need a token.
import { z } from 'zod';
import type { RouteSpec } from './route-spec.ts';
import { enumValues, isListSchema } from './schema-info.ts';
import { ErrorResponse } from './schemas.ts';

const STATUS_TEXT: Record<number, string> = {
  400: 'bad parameter or body, or a query parameter the route does not take, named in the message',
  401: 'a bearer token is needed or was wrong (GET /api/config tells whether one is needed)',
  403: 'a cross-origin preflight from an origin other than CORS_ORIGIN',
  404: 'unknown id or route',
  413: 'body or article text over its bound (named in the message)',
  415: 'content type is not application/json',
  421: 'the Host header names neither localhost nor a host in STANCEGRAPH_ALLOWED_HOSTS',
  422: 'the article could not be extracted within its time (or memory) budget; send it shorter',
  429: 'too many ingest requests from this client; retry after the Retry-After seconds',
  503: 'not now: a query ran past its time budget, or every extraction worker is busy (Retry-After)',
  507: 'the store is out of disk space; nothing was written, reads still work',
};

/** Which operations need the bearer token in the document served. */
export interface OpenApiOptions {
  /** STANCEGRAPH_READ_TOKEN is set: reads need a token too. */
  readTokenRequired?: boolean;
}

/** Routes that answer before the token check and stay open (GET /api/config tells the rules). */
const OPEN_PATHS = new Set(['/healthz', '/api/config']);
const BEARER = [{ bearerToken: [] as string[] }];

function security(method: string, path: string, options: OpenApiOptions) {
  if (OPEN_PATHS.has(path)) return [];
  return method !== 'get' || options.readTokenRequired ? BEARER : [];
}

/** 4xx answers the security stack gives in front of an operation, whatever the route. */
function frontStatuses(method: string, path: string, options: OpenApiOptions): number[] {
  const out = [403, 421];
  if (security(method, path, options).length > 0) out.push(401);
  return out;
}

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

function errorResponse(status: number) {
  return {
    description: STATUS_TEXT[status] ?? 'error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
}

/** Express ":id" segments in OpenAPI's "{id}" form. */
function openApiPath(spec: RouteSpec): string {
  const full = spec.absolute ? spec.path : `/api${spec.path}`;
  return full.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

function parameters(spec: RouteSpec) {
  const out: JsonSchema[] = [];
  const add = (shape: z.ZodRawShape | undefined, where: 'path' | 'query') => {
    for (const [name, field] of Object.entries(shape ?? {})) {
      const f = field as z.ZodType;
      const schema = jsonSchema(f, 'input');
      const { description: described, ...rest } = schema;
      const description = enumValues(f)
        ? `${String(described ?? 'one of the values listed')}; any letter case`
        : described;
      out.push({
        name,
        in: where,
        required: where === 'path' || !f.safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema: rest,
        ...(isListSchema(f) ? { style: 'form', explode: false } : {}),
      });
    }
  };
  add(spec.params?.shape, 'path');
  add(spec.query?.shape, 'query');
  return out;
}

function operation(spec: RouteSpec, options: OpenApiOptions) {
  const content = Object.fromEntries(
    (spec.contentType ?? 'application/json')
      .split(',')
      .map((type) => [type.trim(), { schema: jsonSchema(spec.response.schema, 'output') }]),
  );
  const responses: Record<string, unknown> = {
    [spec.response.status]: { description: spec.response.description, content },
  };
  const { alternate } = spec.response;
  if (alternate) responses[alternate.status] = { description: alternate.description, content };
  const path = openApiPath(spec);
  // Every route can answer 400: a query parameter it does not take is refused.
  const errors = new Set([
    400,
    ...frontStatuses(spec.method, path, options),
    ...(spec.errors ?? []),
  ]);
  for (const status of [...errors].sort()) responses[status] = errorResponse(status);
  const params = parameters(spec);
  return {
    operationId: `${spec.method}${openApiPath(spec)
      .replace(/^\/api/, '')
      .split(/[/{}]+/)
      .filter(Boolean)
      .map((s) => s[0]!.toUpperCase() + s.slice(1))
      .join('')}`,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    security: security(spec.method, path, options),
    ...(params.length ? { parameters: params } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;

/** A GET outside the registry (the document itself, the config, the docs page). */
function metaOperation(
  path: string,
  operationId: string,
  summary: string,
  ok: { description: string; type: string },
  options: OpenApiOptions,
) {
  const responses: Record<string, unknown> = {
    200: { description: ok.description, content: { [ok.type]: {} } },
  };
  for (const status of [400, ...frontStatuses('get', path, options)].sort()) {
    responses[status] = errorResponse(status);
  }
  return {
    get: {
      operationId,
      tags: ['meta'],
      summary,
      security: security('get', path, options),
      responses,
    },
  };
}

export function buildOpenApi(routes: readonly RouteSpec[], options: OpenApiOptions = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = openApiPath(spec);
    paths[path] = { ...paths[path], [spec.method]: operation(spec, options) };
  }
  const json = { description: 'the document', type: 'application/json' };
  paths['/api/openapi.json'] = metaOperation(
    '/api/openapi.json',
    'getOpenapi',
    'This OpenAPI 3.1 document',
    json,
    options,
  );
  paths['/api/config'] = metaOperation(
    '/api/config',
    'getConfig',
    'Whether writes (or reads) need a bearer token, and the limits; never the token',
    { ...json, description: 'the public configuration' },
    options,
  );
  paths['/api/docs'] = metaOperation(
    '/api/docs',
    'getDocs',
    'A readable HTML reference generated from this document',
    { description: 'HTML page', type: 'text/html' },
    options,
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'stancegraph API',
      version: '0.1.0',
      description:
        'Who does what to whom in world politics: actors, PLOVER-typed stance events with ' +
        'evidence, and the documents they come from. Errors are {"error": {"code", "message"}}. ' +
        'A query parameter an operation does not list is refused (400 unknown_parameter); enum ' +
        'values are accepted in any letter case.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorResponse, 'output') },
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'STANCEGRAPH_TOKEN for writes; for reads, when STANCEGRAPH_READ_TOKEN is set, that ' +
            'token or the write token. GET /api/config says which are needed.',
        },
      },
    },
  };
}
