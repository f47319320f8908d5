// Public face of the API: the routers and the error handlers.
export { createApiRouter, createRootRouter } from './router.ts';
export { apiNotFound, errorHandler } from './error-handler.ts';
export { ApiError } from './errors.ts';
export { RequestActivity } from './request-activity.ts';
