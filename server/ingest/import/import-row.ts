// One data row of an import file, validated with zod: names, a PLOVER type (or a CAMEO code that
// maps to one), a date, and the optional quote, URL, story id and confidence.
import { z } from 'zod';
import { ActorKind, ActorId, IsoDate, PLOVER_TYPES, type PloverType } from '../../model/index.ts';
import { cameoToPlover, type ImportField } from './layouts.ts';

/** Dates as coded datasets write them: ISO days, a time after the day, or YYYYMMDD. */
function normaliseDate(value: string): string {
  const v = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const withTime =
    /^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  return withTime ? withTime[1]! : v;
}

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** An actor kind in any letter case; empty means none given. */
const optionalKind = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(ActorKind)
  .optional()
  .or(z.literal('').transform(() => undefined));

const optionalId = ActorId.optional().or(z.literal('').transform(() => undefined));

export const ImportRow = z
  .object({
    source: text(300).min(1, 'is empty'),
    sourceId: optionalId,
    sourceCountry: optionalText(200),
    sourceKind: optionalKind,
    target: text(300).min(1, 'is empty'),
    targetId: optionalId,
    targetCountry: optionalText(200),
    targetKind: optionalKind,
    type: optionalText(40),
    cameo: optionalText(8),
    date: z.string().transform(normaliseDate).pipe(IsoDate),
    quote: optionalText(5000),
    url: optionalText(4000),
    confidence: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : undefined))
      .pipe(z.number().min(0).max(1).optional()),
    storyId: optionalText(500),
  })
  .transform((row, ctx) => {
    let type: PloverType | null = null;
    if (row.type) {
      const upper = row.type.toUpperCase();
      type = (PLOVER_TYPES as readonly string[]).includes(upper) ? (upper as PloverType) : null;
      if (!type) {
        ctx.addIssue({
          code: 'custom',
          path: ['type'],
          message: `"${row.type}" is not a PLOVER type`,
        });
        return z.NEVER;
      }
    } else if (row.cameo) {
      type = cameoToPlover(row.cameo);
      if (!type) {
        ctx.addIssue({
          code: 'custom',
          path: ['cameo'],
          message: `CAMEO code "${row.cameo}" has no PLOVER type`,
        });
        return z.NEVER;
      }
    } else {
      ctx.addIssue({ code: 'custom', path: ['type'], message: 'is empty (no type or CAMEO code)' });
      return z.NEVER;
    }
    return { ...row, type };
  });
export type ImportRow = z.infer<typeof ImportRow>;

/** The row's problem in words, naming the column: 'date: expected YYYY, YYYY-MM or YYYY-MM-DD'. */
export function rowProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = String(issue.path[0] ?? 'row') as ImportField | 'row';
  const message =
    issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
  return `${field}: ${message}`;
}
