// Public face of the API client: the typed fetch client, token handling and the response shapes.
export {
  createApiClient,
  queryString,
  ApiRequestError,
  type ApiClient,
  type ApiClientOptions,
} from './client.ts';
export {
  storedToken,
  TOKEN_KEY,
  type AuthConfig,
  type TokenReason,
  type TokenSource,
} from './auth.ts';
export type * from './types.ts';
