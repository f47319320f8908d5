// Parsing request input with zod; the first problem becomes a 400 that names the parameter.
import { z } from 'zod';
import { ApiError, badParameter } from './errors.ts';

/** The schema under optional/default/nullable wrappers. */
function innerType(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s.def as { type: string; innerType?: z.ZodType };
    if (!def.innerType || !['optional', 'default', 'nullable', 'prefault'].includes(def.type)) {
      return s;
    }
    s = def.innerType;
  }
}

export function isListSchema(schema: z.ZodType): boolean {
  return innerType(schema).def.type === 'array';
}

/**
 * Query strings carry lists as repeated keys or comma-separated values; both become arrays for the
 * keys the schema declares as arrays. Scalars given twice stay arrays, so zod rejects them.
 */
function normalizeQuery(shape: z.ZodRawShape, raw: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    // Keys the schema does not declare are dropped here (zod would strip them anyway), so
    // "__proto__" or "constructor" never reach a plain object or look like a schema.
    if (!Object.hasOwn(shape, key)) continue;
    const field = shape[key] as z.ZodType;
    if (isListSchema(field)) {
      const parts = (Array.isArray(value) ? value : [value]).flatMap((v) =>
        typeof v === 'string' ? v.split(',') : [v],
      );
      out[key] = parts.filter((p) => p !== '');
    } else {
      out[key] = value;
    }
  }
  return out;
}

function toApiError(where: 'query' | 'path' | 'body', error: z.ZodError): ApiError {
  const issue = error.issues[0]!;
  // A list item's index is noise to the caller; the parameter is what they typed.
  const name = (where === 'body' ? issue.path : issue.path.slice(0, 1)).map(String).join('.');
  if (where === 'body') {
    return new ApiError(
      400,
      'invalid_body',
      name ? `body field "${name}": ${issue.message}` : `body: ${issue.message}`,
    );
  }
  return badParameter(name || '(query)', issue.message);
}

export function parseQuery<T extends z.ZodObject>(schema: T, raw: unknown): z.infer<T> {
  const input = normalizeQuery(schema.shape, (raw ?? {}) as Record<string, unknown>);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw toApiError('query', parsed.error);
  return parsed.data;
}

export function parseParams<T extends z.ZodObject>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw toApiError('path', parsed.error);
  return parsed.data;
}

export function parseBody<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw toApiError('body', parsed.error);
  return parsed.data;
}
