// The API's last stops: a JSON 404 for unknown /api routes and the handler that maps every error.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { InvalidCursorError, UnknownActorError } from '../graph/index.ts';
import { ArticleError, ImportFileError } from '../ingest/index.ts';
import { SecurityError } from '../security/index.ts';
import { StoreDamagedError, StoreInputError, isOutOfSpace } from '../store/index.ts';
import { ExtractionBusyError, ExtractionLimitError } from '../workers/index.ts';
import { ApiError } from './errors.ts';

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'not_found', `no route ${req.method} ${req.originalUrl.split('?')[0]}`));
};

/** body-parser and http-errors mark client errors with a type and a status. */
function clientError(error: unknown): ApiError | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as {
    type?: string;
    status?: number;
    statusCode?: number;
    message?: string;
    limit?: number;
    length?: number;
  };
  switch (e.type) {
    case 'entity.too.large':
      return new ApiError(
        413,
        'payload_too_large',
        typeof e.limit === 'number'
          ? `request body is ${e.length ?? 'more than'} bytes; the limit is ${e.limit} bytes (STANCEGRAPH_BODY_LIMIT)`
          : 'request body is too large',
      );
    case 'entity.parse.failed':
      return new ApiError(400, 'malformed_json', 'request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, 'unsupported_media_type', e.message ?? 'unsupported encoding');
  }
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(status, 'bad_request', e.message ?? 'bad request');
  }
  return null;
}

export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof UnknownActorError) {
    return new ApiError(404, 'not_found', `parameter "${error.parameter}": ${error.message}`);
  }
  if (error instanceof InvalidCursorError) {
    return new ApiError(400, 'invalid_parameter', `parameter "cursor": ${error.message}`);
  }
  if (error instanceof ArticleError) {
    return new ApiError(400, 'invalid_article', `body field "${error.field}": ${error.message}`);
  }
  if (error instanceof StoreInputError) return new ApiError(400, 'invalid_input', error.message);
  if (error instanceof ImportFileError) return new ApiError(400, 'invalid_import', error.message);
  // A full disk refuses writes only: reads keep working, and writes work again once space returns.
  if (isOutOfSpace(error)) {
    return new ApiError(
      507,
      'insufficient_storage',
      'the store is out of disk space, so nothing was written; reads still work. Free some space ' +
        'and send the request again',
    );
  }
  if (error instanceof StoreDamagedError) return new ApiError(503, 'store_damaged', error.message);
  // Over its budget, the article itself is the problem: sending it again would fail again (422).
  if (error instanceof ExtractionLimitError) {
    return new ApiError(422, 'extraction_budget_exceeded', error.message);
  }
  // A full queue is the server's momentary state: the same request can succeed later (503).
  if (error instanceof ExtractionBusyError) {
    return new ApiError(503, 'extraction_busy', error.message, {
      'Retry-After': String(error.retryAfterSeconds),
    });
  }
  return clientError(error);
}

/** Known errors become their 4xx; anything else is a bug, logged and answered with a bare 500. */
export function errorHandler(
  log: (...args: unknown[]) => void = console.error,
): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof SecurityError) {
      res
        .set(error.headers)
        .status(error.status)
        .json({ error: { code: error.code, message: error.message } });
      return;
    }
    const known = toApiError(error);
    // The operator must hear of damage and a full disk; the client is told in the answer.
    if (known && (known.status === 507 || known.code === 'store_damaged')) {
      log(`stancegraph: ${req.method} ${req.originalUrl}:`, known.message);
    }
    if (known) {
      res
        .set(known.headers)
        .status(known.status)
        .json({ error: { code: known.code, message: known.message } });
      return;
    }
    log(`stancegraph: ${req.method} ${req.originalUrl} failed:`, error);
    res.status(500).json({ error: { code: 'internal', message: 'internal server error' } });
  };
}
