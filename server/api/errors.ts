// The API's error type and the constructors for the 4xx answers it gives.

/** An error with its HTTP status and a stable machine-readable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function badParameter(parameter: string, problem: string): ApiError {
  return new ApiError(400, 'invalid_parameter', `parameter "${parameter}": ${problem}`);
}

export function notFound(message: string): ApiError {
  return new ApiError(404, 'not_found', message);
}
