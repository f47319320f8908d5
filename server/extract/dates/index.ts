// Event dates: the date an event's clause (else its sentence) states, resolved against the article's
// published date and biased to the past, because news reports what has already happened.
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../../model/index.ts';
import { CARDINALS } from '../number-words.ts';

export interface ResolvedDate {
  date: string | null;
  precision: DatePrecision | null;
}

interface Range {
  start: number;
  end: number;
}

/** A calendar day as numbers (month 1-12), plus how much of it the published date gave. */
interface Day {
  y: number;
  m: number;
  d: number;
}
interface Reference extends Day {
  precision: DatePrecision;
}

interface Candidate {
  index: number;
  y: number;
  m: number;
  d: number;
  precision: DatePrecision;
}

const DAY_MS = 86_400_000;

// Cheap pre-checks so chrono (comparatively slow) only runs on text that can hold a date.
// Month names must be capitalised: "may" and "march" are also verbs.
const MONTH_WORD =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/;
const OTHER_DATE_WORD =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|tomorrow|ago|weeks?|months?|years?|(?:19|20)\d\d)\b/i;
/** What only chrono resolves: month names, weekdays, day words, "N days ago", ISO dates. */
const CHRONO_HINT =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|tomorrow|days?\s+ago|\d{4}-\d{2}-\d{2})\b/i;

const FUTURE =
  /\b(?:will|shall|'ll|going to|plans? to|planned|planning to|scheduled|due to|expected to|is to|are to|next|upcoming|tomorrow)\b/i;

// Words that put a bare month name in a date context ("in May", "early June").
const MONTH_CONTEXT = new Set([
  'in',
  'on',
  'from',
  'during',
  'through',
  'throughout',
  'early',
  'late',
  'mid',
  'mid-',
  'last',
  'this',
  'next',
  'of',
  'between',
  'and',
  'to',
  'before',
  'after',
  'around',
  'past',
  'previous',
]);

const NUMBER_WORDS: Record<string, number> = { ...CARDINALS, a: 1, an: 1, several: 3, few: 3 };

const RELATIVE_PERIOD =
  /\b(?:(this|last|past|previous|next|earlier this|later this|coming)\s+(week|month|year)|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|several|\d{1,2})\s+(weeks?|months?|years?)\s+ago)\b/gi;
const YEAR_PHRASE =
  /\b(?:in|during|of|early|late|mid-?|throughout|spring|summer|autumn|fall|winter)\s+(?:of\s+)?((?:19|20)\d\d)\b(?![\d-]|s\b)/gi;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function format(c: { y: number; m: number; d: number }, precision: DatePrecision): string {
  if (precision === 'year') return pad(c.y, 4);
  if (precision === 'month') return `${pad(c.y, 4)}-${pad(c.m)}`;
  return `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.d)}`;
}

function toMs(day: Day): number {
  return Date.UTC(day.y, day.m - 1, day.d);
}

function fromMs(ms: number): Day {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function addDays(day: Day, days: number): Day {
  return fromMs(toMs(day) + days * DAY_MS);
}

function addMonths(day: Day, months: number): Day {
  const index = day.y * 12 + (day.m - 1) + months;
  return { y: Math.floor(index / 12), m: (index % 12) + 1, d: 1 };
}

function parsePublished(published: string | null): Reference | null {
  if (!published) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published);
  if (!match) return null;
  const y = Number(match[1]);
  const m = match[2] ? Number(match[2]) : 7;
  const d = match[3] ? Number(match[3]) : 1;
  const precision: DatePrecision = match[3] ? 'day' : match[2] ? 'month' : 'year';
  return { y, m, d, precision };
}

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/** True when the candidate lies after the reference by more than a day, at its own precision. */
function isAfter(c: Candidate, ref: Reference): boolean {
  if (c.y !== ref.y) return c.y > ref.y;
  if (c.precision === 'year' || ref.precision === 'year') return false;
  if (c.m !== ref.m) {
    if (c.precision === 'day' && ref.precision === 'day') return toMs(c) - toMs(ref) > DAY_MS;
    return c.m > ref.m;
  }
  if (c.precision === 'month' || ref.precision === 'month') return false;
  return toMs(c) - toMs(ref) > DAY_MS;
}

function relativeCandidates(s: string, ref: Reference | null): Candidate[] {
  if (!ref) return [];
  const found: Candidate[] = [];
  for (const match of s.matchAll(RELATIVE_PERIOD)) {
    const which = match[1]?.toLowerCase();
    const unit = (match[2] ?? match[4] ?? '').toLowerCase().replace(/s$/, '');
    const count = match[3]
      ? (NUMBER_WORDS[match[3].toLowerCase().replace(/^a /, '')] ?? Number(match[3]))
      : 0;
    const step = which
      ? which === 'next' || which === 'coming'
        ? 1
        : which === 'last' || which === 'past' || which === 'previous'
          ? -1
          : 0
      : -count;
    // A week is too coarse to claim a day, so week phrases resolve to the month they fall in.
    if (unit === 'week') {
      if (ref.precision !== 'day') continue;
      const day = addDays(ref, step * 7);
      found.push({ index: match.index, ...day, precision: 'month' });
    } else if (unit === 'month') {
      if (ref.precision === 'year') continue;
      const month = addMonths(ref, step);
      found.push({ index: match.index, ...month, precision: 'month' });
    } else if (unit === 'year') {
      found.push({ index: match.index, y: ref.y + step, m: 1, d: 1, precision: 'year' });
    }
  }
  return found;
}

function yearCandidates(s: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of s.matchAll(YEAR_PHRASE)) {
    found.push({ index: match.index, y: Number(match[1]), m: 1, d: 1, precision: 'year' });
  }
  return found;
}

const PERIOD_EDGE = new Set(['since', 'until', 'till', 'by', 'before']);

const CHRONO_OPTIONS = { forwardDate: false };

function precedingWord(s: string, index: number): string {
  const match = /([A-Za-z-]+)[\s,]*$/.exec(s.slice(Math.max(0, index - 20), index));
  return match ? match[1]!.toLowerCase() : '';
}

/** Most recent day with that weekday on or before `day` (or on or after, looking forward). */
function nearestWeekday(day: Day, weekday: number, forward: boolean, strict: boolean): Day {
  const current = new Date(toMs(day)).getUTCDay();
  let delta = forward ? (weekday - current + 7) % 7 : -((current - weekday + 7) % 7);
  if (strict && delta === 0) delta = forward ? 7 : -7;
  return addDays(day, delta);
}

function chronoCandidates(s: string, ref: Reference | null, future: boolean): Candidate[] {
  const reference = ref
    ? { instant: new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12)), timezone: 0 }
    : { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };
  const found: Candidate[] = [];
  for (const result of chrono.en.casual.parse(s, reference, CHRONO_OPTIONS)) {
    const start = result.start;
    // "since May", "until 2025", "by March": the edge of a period, not the date of the event.
    if (PERIOD_EDGE.has(precedingWord(s, result.index))) continue;
    if (/^(?:since|until|till|by)\b/i.test(result.text)) continue;
    // Week/month/year phrases are handled by relativeCandidates with coarser precision.
    if (/\b(?:weeks?|months?|years?)\b/i.test(result.text)) continue;
    const monthWord = MONTH_WORD.exec(result.text);
    const monthInsensitive = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.exec(
      result.text,
    );
    if (monthInsensitive && !monthWord) continue;
    const dayKnown = start.isCertain('day');
    const monthKnown = start.isCertain('month');
    const yearKnown = start.isCertain('year');
    const weekdayKnown = start.isCertain('weekday');
    if (!dayKnown && !monthKnown && !yearKnown && !weekdayKnown) continue;
    const relative = [...start.tags()].some(
      (t) => t.startsWith('casualReference') || t.includes('relativeDate'),
    );
    if (relative || (dayKnown && !monthWord && !weekdayKnown && yearKnown)) {
      // "yesterday", "three days ago", numeric dates: chrono's own arithmetic is right.
      if (relative && (!ref || ref.precision !== 'day')) continue;
      found.push({
        index: result.index,
        y: start.get('year')!,
        m: start.get('month')!,
        d: start.get('day')!,
        precision: dayKnown ? 'day' : monthKnown ? 'month' : 'year',
      });
      continue;
    }
    if (monthKnown && monthWord) {
      const m = start.get('month')!;
      if (!dayKnown && !yearKnown) {
        const before = precedingWord(s, result.index + monthWord.index);
        const inText = result.text.slice(0, monthWord.index).trim().toLowerCase();
        if (!MONTH_CONTEXT.has(before) && !MONTH_CONTEXT.has(inText)) continue;
      }
      let y: number;
      const d = dayKnown ? start.get('day')! : 1;
      if (yearKnown) y = start.get('year')!;
      else if (ref) {
        y = ref.y;
        const candidate: Candidate = {
          index: 0,
          y,
          m,
          d,
          precision: dayKnown ? 'day' : 'month',
        };
        if (!future && isAfter(candidate, ref)) y -= 1;
        else if (future && (m < ref.m || (dayKnown && m === ref.m && d < ref.d - 1))) y += 1;
      } else continue;
      found.push({ index: result.index, y, m, d, precision: dayKnown ? 'day' : 'month' });
      continue;
    }
    if (weekdayKnown && !dayKnown) {
      if (!ref || ref.precision !== 'day') continue;
      const lower = result.text.toLowerCase();
      const before = precedingWord(s, result.index);
      const isNext = /\bnext\b/.test(lower) || before === 'next';
      const isLast = /\b(?:last|past)\b/.test(lower) || before === 'last';
      // A report on a Tuesday that says "on Tuesday" means that day; otherwise the latest one before.
      const day = nearestWeekday(
        ref,
        start.get('weekday')!,
        isNext || (future && !isLast),
        isNext || isLast,
      );
      found.push({ index: result.index, ...day, precision: 'day' });
      continue;
    }
    if (yearKnown && !monthKnown) {
      found.push({ index: result.index, y: start.get('year')!, m: 1, d: 1, precision: 'year' });
    }
  }
  return found;
}

// Events of one sentence share its text, so the sentence fallback is looked up many times.
const MEMO_LIMIT = 4096;
const MEMO_MAX_CHARS = 1000;
const memo = new Map<string, Candidate | null>();

function findDate(s: string, ref: Reference | null, future: boolean): Candidate | null {
  const hasMonth = MONTH_WORD.test(s);
  if (!hasMonth && !OTHER_DATE_WORD.test(s)) return null;
  const useChrono = hasMonth || CHRONO_HINT.test(s);
  // Only short texts are remembered, so the memo stays small whatever the input.
  if (s.length > MEMO_MAX_CHARS) return findDateUncached(s, ref, future, useChrono);
  const key = `${ref ? format(ref, ref.precision) : ''}|${future ? 1 : 0}|${s}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const found = findDateUncached(s, ref, future, useChrono);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, found);
  return found;
}

function findDateUncached(
  s: string,
  ref: Reference | null,
  future: boolean,
  useChrono: boolean,
): Candidate | null {
  const candidates = [
    ...relativeCandidates(s, ref),
    ...yearCandidates(s),
    ...(useChrono ? chronoCandidates(s, ref, future) : []),
  ].filter((c) => future || !ref || !isAfter(c, ref));
  if (candidates.length === 0) return null;
  candidates.sort(
    (a, b) => a.index - b.index || PRECISION_RANK[b.precision] - PRECISION_RANK[a.precision],
  );
  return candidates[0]!;
}

/**
 * The date of an event: the one its clause (`range`) states, else the one its sentence states,
 * else the published month with precision 'month' (the published year when only a year is known).
 * Weekdays resolve to the latest such day on or before publication ("on Tuesday" in a Tuesday
 * report is that day); "last week" and "two weeks ago" give the month they fall in. A date after
 * publication is kept only when the clause is future-tense.
 */
export function resolveDate(
  text: string,
  published: string | null,
  range: Range,
  sentenceRange: Range,
): ResolvedDate {
  const ref = parsePublished(published);
  const clause = text.slice(range.start, range.end);
  const future = FUTURE.test(clause);
  const found =
    findDate(clause, ref, future) ??
    findDate(text.slice(sentenceRange.start, sentenceRange.end), ref, future);
  if (found) return { date: format(found, found.precision), precision: found.precision };
  if (!ref) return { date: null, precision: null };
  const precision: DatePrecision = ref.precision === 'year' ? 'year' : 'month';
  return { date: format(ref, precision), precision };
}
