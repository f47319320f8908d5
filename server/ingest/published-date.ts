// Normalises an article's published date (ISO, ISO timestamp, or "26 November 2022") to YYYY-MM-DD.
import * as chrono from 'chrono-node';
import { ArticleError } from './article-error.ts';

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * YYYY-MM-DD for a full date; YYYY-MM and YYYY stay as given (the model accepts them). The date part
 * of a timestamp is taken as written, so no time zone shifts it. Anything else is a 'bad-date' error.
 */
export function normalisePublished(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw badDate(String(value));
    return value.toISOString().slice(0, 10);
  }
  const raw = String(value).trim();
  if (raw === '') return null;
  const iso =
    /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(
      raw,
    );
  if (iso) {
    const y = Number(iso[1]);
    if (!iso[2]) return pad(y, 4);
    const m = Number(iso[2]);
    if (m < 1 || m > 12) throw badDate(raw);
    if (!iso[3]) return `${pad(y, 4)}-${pad(m)}`;
    const d = Number(iso[3]);
    if (!validDay(y, m, d)) throw badDate(raw);
    return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  }
  const [result] = chrono.en.strict.parse(raw, new Date(Date.UTC(2000, 0, 1, 12)));
  const start = result?.start;
  const covered = result ? raw.replace(result.text, '').replace(/[\s,.]/g, '') : raw;
  if (
    !start ||
    covered.length > 0 ||
    !start.isCertain('year') ||
    !start.isCertain('month') ||
    !start.isCertain('day')
  ) {
    throw badDate(raw);
  }
  return `${pad(start.get('year')!, 4)}-${pad(start.get('month')!)}-${pad(start.get('day')!)}`;
}

function badDate(raw: string): ArticleError {
  return new ArticleError(
    'bad-date',
    `published date "${raw.slice(0, 40)}" is not a date (expected YYYY-MM-DD)`,
  );
}
