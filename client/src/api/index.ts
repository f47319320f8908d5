// Public face of the API client: the typed fetch client and the response shapes.
export { createApiClient, queryString, ApiRequestError, type ApiClient } from './client.ts';
export type * from './types.ts';
