// Reading a zod field schema for what it accepts: whether it is a list, its enum values and, in
// words, what it requires. Validation messages and the OpenAPI document both read fields through here.
import { z } from 'zod';

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch']);

/** The schema under optional/default/nullable wrappers; a transform pipe reads as its input side. */
function innerType(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.innerType && WRAPPERS.has(def.type)) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}

export function isListSchema(schema: z.ZodType): boolean {
  return innerType(schema).def.type === 'array';
}

/** The schema of one value: a list's item, or the field itself. */
export function valueSchema(schema: z.ZodType): z.ZodType {
  const s = innerType(schema);
  return s instanceof z.ZodArray ? innerType(s.element as z.ZodType) : s;
}

/** The values an enumerated field (or list of them) takes, in their canonical spelling. */
export function enumValues(schema: z.ZodType): string[] | null {
  const s = valueSchema(schema);
  if (s instanceof z.ZodEnum) return s.options.map(String);
  if (s instanceof z.ZodLiteral) return [...s.values].map(String);
  return null;
}

/** A bound worth naming: schemas without one report the safe-integer range or infinity. */
function bound(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 2 ** 53 - 1
    ? value
    : null;
}

function range(min: number | null, max: number | null, unit = ''): string {
  if (min !== null && max !== null) return `between ${min} and ${max}${unit}`;
  if (min !== null) return `at least ${min}${unit}`;
  if (max !== null) return `at most ${max}${unit}`;
  return '';
}

/**
 * What a field requires, in words: "must be an integer between 1 and 500", "must be at most 200
 * characters", "must be one of AGREE, CONSULT (any letter case)"; null when there is nothing to name.
 */
export function requirement(schema: z.ZodType): string | null {
  const s = valueSchema(schema);
  if (s instanceof z.ZodNumber) {
    const what = s.isInt ? 'an integer' : 'a number';
    const limits = range(bound(s.minValue), bound(s.maxValue));
    return `must be ${what}${limits ? ` ${limits}` : ''}`;
  }
  if (s instanceof z.ZodString) {
    const min = bound(s.minLength);
    const max = bound(s.maxLength);
    if (min === 1 && max === null) return 'must not be empty';
    const limits = range(min === 0 ? null : min, max, ' characters');
    return limits ? `must be ${limits}` : null;
  }
  const values = enumValues(s);
  return values ? `must be one of ${values.join(', ')} (any letter case)` : null;
}

/** The field schema at a path inside an object schema (lists step into their items). */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | null {
  let s: z.ZodType = root;
  for (const key of path) {
    const inner = innerType(s);
    if (
      inner instanceof z.ZodObject &&
      typeof key === 'string' &&
      Object.hasOwn(inner.shape, key)
    ) {
      s = inner.shape[key] as z.ZodType;
    } else if (inner instanceof z.ZodArray && typeof key === 'number') {
      s = inner.element as z.ZodType;
    } else {
      return null;
    }
  }
  return s;
}
