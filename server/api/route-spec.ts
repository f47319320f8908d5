// The route registry's entry type: one declaration drives validation, the handler and OpenAPI.
import type { Response } from 'express';
import type { z } from 'zod';
import type { Services } from './services.ts';

interface RouteInput<Q, P, B> {
  query: Q;
  params: P;
  body: B;
}

interface RouteReply {
  status?: number;
  body: unknown;
  /** A media type: the body is sent as it is (a string) instead of as JSON. */
  type?: string;
  /** With `type`: sent as an attachment under this name. */
  fileName?: string;
  /** Writes the answer itself (a streamed reply); status, type and body are then unused. */
  send?: (res: Response) => Promise<void>;
}

export interface RouteSpec<
  Q extends z.ZodObject = z.ZodObject,
  P extends z.ZodObject = z.ZodObject,
  B extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'delete';
  /** Express path, e.g. /actors/:id (relative to /api unless absolute is set). */
  path: string;
  /** True for routes outside /api (e.g. /healthz). */
  absolute?: boolean;
  summary: string;
  description?: string;
  tag: string;
  /** The query parameters; any other parameter is refused (validate.ts), none when unset. */
  query?: Q;
  params?: P;
  body?: B;
  response: {
    status: number;
    description: string;
    schema: z.ZodType;
    /** A second success status with the same body (200 for an article already stored). */
    alternate?: { status: number; description: string };
  };
  /** Extra statuses the route can answer with (besides 400 for bad input when it has input). */
  errors?: number[];
  /** Non-JSON answers (the docs page) send their own content; the registry still documents them. */
  contentType?: string;
  handler: (
    input: RouteInput<z.infer<Q>, z.infer<P>, B extends z.ZodType ? z.infer<B> : undefined>,
    services: Services,
  ) => RouteReply | Promise<RouteReply>;
}

/** Keeps each route's handler typed against its own schemas while the registry stays one list. */
export function defineRoute<Q extends z.ZodObject, P extends z.ZodObject, B extends z.ZodType>(
  spec: RouteSpec<Q, P, B>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}
