// The OpenAPI 3.1 document, generated from the route registry's zod schemas.
import { z } from 'zod';
import type { RouteSpec } from './route-spec.ts';
import { enumValues, isListSchema } from './schema-info.ts';
import { ErrorResponse } from './schemas.ts';

const STATUS_TEXT: Record<number, string> = {
  400: 'bad parameter or body, or a query parameter the route does not take, named in the message',
  404: 'unknown id or route',
  401: 'a bearer token is needed or was wrong (GET /api/config tells whether one is needed)',
  413: 'body or article text over its bound (named in the message)',
  415: 'content type is not application/json',
  429: 'too many ingest requests from this client; retry after the Retry-After seconds',
  503: 'the query ran past its time budget and was stopped',
};

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

function operation(spec: RouteSpec) {
  const responses: Record<string, unknown> = {
    [spec.response.status]: {
      description: spec.response.description,
      content: Object.fromEntries(
        (spec.contentType ?? 'application/json')
          .split(',')
          .map((type) => [type.trim(), { schema: jsonSchema(spec.response.schema, 'output') }]),
      ),
    },
  };
  // Every route can answer 400: a query parameter it does not take is refused.
  const errors = new Set([400, ...(spec.errors ?? [])]);
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

export function buildOpenApi(routes: readonly RouteSpec[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = openApiPath(spec);
    paths[path] = { ...paths[path], [spec.method]: operation(spec) };
  }
  paths['/api/openapi.json'] = {
    get: {
      operationId: 'getOpenapi',
      tags: ['meta'],
      summary: 'This OpenAPI 3.1 document',
      responses: {
        200: { description: 'the document', content: { 'application/json': {} } },
        400: errorResponse(400),
      },
    },
  };
  paths['/api/config'] = {
    get: {
      operationId: 'getConfig',
      tags: ['meta'],
      summary: 'Whether writes (or reads) need a bearer token, and the limits; never the token',
      responses: {
        200: { description: 'the public configuration', content: { 'application/json': {} } },
      },
    },
  };
  paths['/api/docs'] = {
    get: {
      operationId: 'getDocs',
      tags: ['meta'],
      summary: 'A readable HTML reference generated from this document',
      responses: {
        200: { description: 'HTML page', content: { 'text/html': {} } },
        400: errorResponse(400),
      },
    },
  };
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
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: { Error: jsonSchema(ErrorResponse, 'output') } },
  };
}
