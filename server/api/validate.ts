// Parsing request input with zod, once for every route: query parameters the route's schema does
// not declare are refused by name, enum values are read in any letter case, and the first problem
// becomes a 400 naming the parameter (or body field) and what its schema requires.
import { z } from 'zod';
import { ApiError, badParameter } from './errors.ts';
import { enumValues, isListSchema, requirement, schemaAt, valueSchema } from './schema-info.ts';

/** The query schema of routes that take no query parameters. */
export const NO_QUERY = z.object({});

/** Echoed input is cut to this many characters. */
const ECHO_CHARS = 40;
/** At most this many unknown names are repeated back. */
const ECHO_NAMES = 10;

function quoted(text: string): string {
  return JSON.stringify(text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}…` : text);
}

function unknownParameters(unknown: string[], accepted: string[]): ApiError {
  const names = unknown.slice(0, ECHO_NAMES).map(quoted).join(', ');
  const more = unknown.length > ECHO_NAMES ? ` and ${unknown.length - ECHO_NAMES} more` : '';
  const what = unknown.length === 1 ? 'unknown query parameter' : 'unknown query parameters';
  const hint = accepted.length
    ? `(accepted: ${accepted.join(', ')})`
    : '(this route takes no query parameters)';
  return new ApiError(400, 'unknown_parameter', `${what} ${names}${more} ${hint}`);
}

/** An enum value in its canonical spelling when it matches one in another letter case. */
function canonical(values: string[] | null, value: unknown): unknown {
  if (!values || typeof value !== 'string' || values.includes(value)) return value;
  const lower = value.toLowerCase();
  return values.find((v) => v.toLowerCase() === lower) ?? value;
}

/**
 * Refuses keys the schema does not declare, then shapes the rest for zod: lists come as repeated
 * keys or comma-separated values and become arrays (scalars given twice stay arrays, so zod
 * rejects them), and enum values take their canonical spelling.
 */
function normalizeQuery(shape: z.ZodRawShape, raw: Record<string, unknown>) {
  const keys = Object.keys(raw);
  const unknown = keys.filter((key) => !Object.hasOwn(shape, key));
  if (unknown.length > 0) throw unknownParameters(unknown, Object.keys(shape));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const field = shape[key] as z.ZodType;
    const values = enumValues(field);
    const value = raw[key];
    if (isListSchema(field)) {
      const parts = (Array.isArray(value) ? value : [value]).flatMap((v) =>
        typeof v === 'string' ? v.split(',') : [v],
      );
      out[key] = parts.filter((p) => p !== '').map((p) => canonical(values, p));
    } else {
      out[key] = Array.isArray(value) ? value : canonical(values, value);
    }
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function echo(value: unknown, length: boolean): string {
  if (typeof value === 'string') return length ? `${value.length} characters` : quoted(value);
  return quoted(JSON.stringify(value) ?? String(value));
}

/** The problem in words: the field's requirement for a value out of its bounds or set, else zod's. */
function problem(issue: z.core.$ZodIssue, field: z.ZodType | null, value: unknown): string {
  if (value === undefined && issue.code === 'invalid_type') return 'is required';
  const required = field ? requirement(field) : null;
  if (!field || !required) return issue.message;
  const s = valueSchema(field);
  const size = issue.code === 'too_big' || issue.code === 'too_small';
  const applies =
    s instanceof z.ZodNumber
      ? size || issue.code === 'invalid_type' || issue.code === 'not_multiple_of'
      : s instanceof z.ZodString
        ? size
        : issue.code === 'invalid_value';
  return applies ? `${required} (got ${echo(value, s instanceof z.ZodString)})` : issue.message;
}

function queryError(schema: z.ZodType, input: unknown, error: z.ZodError): ApiError {
  const issue = error.issues[0]!;
  // A list item's index is noise to the caller; the parameter is what they typed.
  const name = issue.path.slice(0, 1).map(String).join('');
  const field = name ? schemaAt(schema, [name]) : null;
  const value = valueAt(input, issue.path);
  // normalizeQuery keeps a repeated single-valued parameter as an array.
  if (field && Array.isArray(value) && !isListSchema(field)) {
    return badParameter(name, 'must be given once');
  }
  return badParameter(name || '(query)', problem(issue, field, value));
}

export function parseQuery<T extends z.ZodObject>(schema: T, raw: unknown): z.infer<T> {
  const input = normalizeQuery(schema.shape, (raw ?? {}) as Record<string, unknown>);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw queryError(schema, input, parsed.error);
  return parsed.data;
}

export function parseParams<T extends z.ZodObject>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw queryError(schema, raw, parsed.error);
  return parsed.data;
}

export function parseBody<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = issue.path.map(String).join('.');
  const text = problem(issue, schemaAt(schema, issue.path), valueAt(raw, issue.path));
  throw new ApiError(400, 'invalid_body', name ? `body field "${name}": ${text}` : `body: ${text}`);
}
