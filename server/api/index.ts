// Public face of the API: the routers, the error handlers and the OpenAPI document builder.
export { createApiRouter, createRootRouter, BODY_LIMIT } from './router.ts';
export { apiNotFound, errorHandler } from './error-handler.ts';
export { buildOpenApi, type OpenApiDocument } from './openapi.ts';
export { renderDocsPage } from './docs-page.ts';
export { ROUTES } from './routes.ts';
export { ApiError } from './errors.ts';
