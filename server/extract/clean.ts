// Sets web-page clutter aside (ads, credits, prompts, repeated teasers, bylines, HTML tags) and
// returns the spans of the body worth analysing, as offsets into the original text.
import type { Passage } from './types.ts';

interface Line {
  start: number;
  end: number;
}

const HTML_HINT =
  /<\/?(?:p|div|span|a|br|html|body|head|script|style|h[1-6]|li|ul|ol|table|tr|td|article|section|img|meta|figure|figcaption|header|footer|nav)\b[^<>]{0,300}>/i;

const AD_LINE =
  /^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|promoted|paid content|story continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue(?: with content)?|supported by|skip advertisement)\W*$/i;
const PROMPT_START =
  /^(?:share(?: this| on| via|$)|subscribe|sign up|sign in|log in|login|register|read more|read also|read next|see also|also read|more on|more from|related|recommended|most read|most popular|trending|you may also like|get more with|learn more|follow us|follow (?:the|our)|download (?:the|our)|click here|tap here|watch:|watch now|listen:|listen to this|join (?:our|the) |newsletter|copy link|print|email|tweet|comments?\b|post\b|whatsapp|facebook|twitter|linkedin|telegram|reddit)/i;
const SHORT_SOCIAL = /^(?:share|post|tweet|email|print|comment|comments|copy link|save|reply)$/i;
const TIMESTAMP = /^(?:\d{1,2}:)?\d{1,2}:\d{2}$/;
const CREDIT_LINE =
  /^\(?(?:photo|photograph|image|picture|video|file photo|credit|illustration)s?(?:\s+credit)?\s*(?::|by\b|\/)/i;
const AGENCY_CREDIT =
  /^\(?(?:getty images|afp|reuters|ap|ap photo|epa|epa-efe|shutterstock|xinhua|kcna|yonhap|anadolu|bloomberg|sipa|alamy|pa|pa media|tass|ria novosti|kyodo|dpa|efe)(?:\s*(?:\/|via)\s*[\w .&'-]{1,40})?\)?\.?$/i;
const TRAILING_CREDIT =
  /\s*(?:\b(?:Photo|Photograph|Image|Picture|Credit|File photo|Illustration)s?(?: credit)?\s*:\s*[^.!?:]{1,80}|\((?:[\w .&'-]{0,40}\/\s*)?(?:Getty Images|AFP|Reuters|AP|AP Photo|EPA|EPA-EFE|Shutterstock|Xinhua|KCNA|Yonhap|Anadolu|Bloomberg|Alamy|PA|PA Media|TASS|Kyodo|dpa)(?:\s*(?:\/|via)\s*[\w .&'-]{1,40})?\))\s*$/;
const COOKIE = /\bcookies?\b/i;
const COOKIE_CONTEXT = /\b(?:accept|consent|privacy|policy|use of|we use|settings|preferences)\b/i;
const BYLINE =
  /^(?:By|BY)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}(?:\s*(?:,|and|&|\|)\s*[^]{0,80})?$/;
const DATELINE =
  /^(?:[A-Z][A-Z'.\- /]{1,60}[A-Z.]|[A-Z][\w'.\- ]{1,40}(?=,[^\n]{0,30}\(|\s*\())(?:,[^()\n\u2013\u2014]{1,40}?)?\s*(?:\([A-Za-z][\w .,&/-]{0,40}\))?\s*(?:--|[-\u2013\u2014])\s+/;
/** "ISLAMABAD: ...": a place in capitals and a colon (a capitalised word and colon is a speaker). */
const COLON_DATELINE =
  /^[A-Z][A-Z'.\- ]{2,40}[A-Z](?:,\s*[A-Z][\w.' -]{1,30})?:\s+(?=[A-Z"\u201c])/;
const BULLET = /^[\u2022\u00b7\u25aa\u25ba\u2023\u25e6\u25cf\u2013\u2014*>-]+\s+/;
const TOPIC_TAG = /^[A-Z][\w'\u2019.&-]*(?: [A-Z][\w'\u2019.&-]*){0,2}$/;
/** Prompts that may sit anywhere in a short line ("Our News now on Telegram - click here"). */
const PROMPT_INSIDE =
  /\b(?:click here|tap here|to subscribe|subscribe (?:now|here|to)|now on (?:telegram|whatsapp|google news|youtube)|in your inbox|all newsletters)\b/i;
/** "(Reporting by ...; editing by ...)": the wire's staff credits. */
const STAFF_CREDIT =
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|edited|written|translated) by\b/i;
/** Ticker figures: "5,254.35", "+5.86 (+0.11%)". */
const FIGURES = /^[\d\s.,:;%+()$\u20ac\u00a3\u2212-]*\d[\d\s.,:;%+()$\u20ac\u00a3\u2212-]*$/;
/** A clock time, and something that makes a short line a time stamp rather than prose. */
const CLOCK = /\b\d{1,2}:\d{2}\b/;
const STAMP_CONTEXT =
  /\b(?:\d{4}|utc|gmt|ist|edt|est|cet|bst|jst|kst|updated|published|written|posted|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\b/i;
const AGO =
  /^(?:updated:?\s*)?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$/i;
/** Prose ends in sentence punctuation, a closing quote or bracket; headlines and tags do not. */
const ENDS_LIKE_PROSE = /[.!?\u2026"'\u201d\u2019)\]]$/;
/** News agencies, whose name in a dateline or credit cites them as a source. */
const NEWS_AGENCY =
  /\b(?:Reuters|REUTERS|AFP|AP|Associated Press|Agence France-Presse|Xinhua|XINHUA|Yonhap(?: News(?: Agency)?)?|YONHAP(?: News(?: Agency)?)?|Kyodo(?: News)?|KYODO|TASS|Anadolu(?: Agency)?|dpa|EFE|KCNA|Bloomberg|PA Media|ANI|PTI|IRNA|WAFA|Bernama|Antara|RIA Novosti|Interfax|UPI)\b/g;

/** Lines of the text, or of the text between HTML tags when HTML was pasted as text. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  const pushLines = (from: number, to: number): void => {
    let s = from;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (i > s) lines.push({ start: s, end: i });
        s = i + 1;
      }
    }
    if (to > s) lines.push({ start: s, end: to });
  };
  if (!HTML_HINT.test(text.slice(0, 200_000)) && !HTML_HINT.test(text.slice(-200_000))) {
    pushLines(0, text.length);
    return lines;
  }
  const lower = text.toLowerCase();
  let pos = 0;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      pushLines(pos, text.length);
      break;
    }
    const next = text[lt + 1] ?? '';
    if (!/[A-Za-z/!?]/.test(next)) {
      // A bare "<" in prose: keep scanning past it within the same run.
      pushLines(pos, lt + 1);
      pos = lt + 1;
      continue;
    }
    pushLines(pos, lt);
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      pos = close < 0 ? text.length : close + 3;
      continue;
    }
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0) {
      pos = text.length;
      break;
    }
    const name = /^<\s*([a-z0-9]+)/.exec(lower.slice(lt, Math.min(gt + 1, lt + 20)))?.[1];
    pos = gt + 1;
    if (name === 'script' || name === 'style' || name === 'noscript' || name === 'svg') {
      const close = lower.indexOf(`</${name}`, pos);
      if (close < 0) {
        pos = text.length;
      } else {
        const end = text.indexOf('>', close);
        pos = end < 0 ? text.length : end + 1;
      }
    }
  }
  return lines;
}

function trimSpan(text: string, line: Line): Line {
  let { start, end } = line;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function isClutter(line: string, counts: Map<string, number>): boolean {
  if (AD_LINE.test(line) || TIMESTAMP.test(line) || SHORT_SOCIAL.test(line)) return true;
  if (FIGURES.test(line) || AGO.test(line)) return true;
  if (line.length < 160 && (PROMPT_START.test(line) || PROMPT_INSIDE.test(line))) return true;
  if (line.length < 200 && STAFF_CREDIT.test(line)) return true;
  if (line.length < 100 && CLOCK.test(line) && STAMP_CONTEXT.test(line) && !/[.!?]$/.test(line)) {
    return true;
  }
  if (line.length < 120 && (CREDIT_LINE.test(line) || AGENCY_CREDIT.test(line))) return true;
  if (line.length < 400 && COOKIE.test(line) && COOKIE_CONTEXT.test(line)) return true;
  if (line.length < 100 && BYLINE.test(line) && !/[.!?]$/.test(line)) return true;
  if (line.length < 40 && TOPIC_TAG.test(line) && (counts.get(line) ?? 0) > 1) return true;
  return false;
}

/** The news agencies named in a span set aside (a dateline, a credit), as passages of their own. */
function agenciesIn(text: string, start: number, end: number, out: Passage[]): void {
  if (end - start > 300) return;
  NEWS_AGENCY.lastIndex = 0;
  const span = text.slice(start, end);
  for (let m = NEWS_AGENCY.exec(span); m; m = NEWS_AGENCY.exec(span)) {
    out.push({ start: start + m.index, end: start + m.index + m[0].length });
  }
}

function wordCount(line: string): number {
  let n = 1;
  for (let k = 0; k < line.length; k++) if (line.charCodeAt(k) === 32) n++;
  return n;
}

/** A short line that is not prose: a headline, a tag, a heading of a list of links. */
function headlineLike(line: string): boolean {
  return line.length < 150 && !ENDS_LIKE_PROSE.test(line);
}

/** A video title after its running time: a short line not closed by sentence punctuation, even
 * when it ends in a quote ('South Africa slams report as "deeply flawed"'). */
function videoTitleLike(line: string): boolean {
  return line.length < 150 && !/[.!?\u2026]["'\u201d\u2019)\]]*$/.test(line);
}

/**
 * The spans of the body to analyse: one per kept line or paragraph, with clutter left out and
 * credits, bullets and datelines trimmed off; a news agency a dateline or credit cites becomes a
 * passage of its own, so it is still an actor. Offsets point into `text`.
 */
export function cleanBody(text: string): Passage[] {
  const lines = linesOf(text)
    .map((l) => trimSpan(text, l))
    .filter((l) => l.end > l.start);
  const contents = lines.map((l) => text.slice(l.start, l.end));
  const counts = new Map<string, number>();
  for (const c of contents) counts.set(c, (counts.get(c) ?? 0) + 1);

  const seen = new Set<string>();
  /** Kept passages, each with whether it reads as prose (for the trailing-links rule). */
  const kept: { passage: Passage; agencies: Passage[]; prose: boolean }[] = [];
  const credited: Passage[] = [];
  for (let i = 0; i < lines.length; i++) {
    const content = contents[i]!;
    const repeated = seen.has(content);
    seen.add(content);
    // Teasers are repeated: drop later copies, and a headline doubled back to back entirely; a
    // doubled paragraph, or a caption inside the story (alt text and caption), is kept once.
    if (repeated) continue;
    if (contents[i + 1] === content && headlineLike(content)) {
      const inStory = kept.some((k) => k.prose);
      if (!inStory || wordCount(content) < 6) continue;
    }
    // A video's title follows its running time; a ticker's name sits above its figures.
    const prev = contents[i - 1];
    if (prev !== undefined && TIMESTAMP.test(prev) && videoTitleLike(content)) continue;
    const next = contents[i + 1];
    if (content.length < 30 && next !== undefined && FIGURES.test(next) && !FIGURES.test(content)) {
      continue;
    }
    if (isClutter(content, counts)) {
      if (content.length < 120 && (CREDIT_LINE.test(content) || AGENCY_CREDIT.test(content))) {
        agenciesIn(text, lines[i]!.start, lines[i]!.end, credited);
      } else if (/^by\s/i.test(content) && content.length < 100) {
        agenciesIn(text, lines[i]!.start, lines[i]!.end, credited);
      }
      continue;
    }
    const agencies: Passage[] = credited.splice(0);
    let { start, end } = lines[i]!;
    const bullet = BULLET.exec(content);
    if (bullet) start += bullet[0].length;
    const head = text.slice(start, Math.min(end, start + 120));
    const dateline = DATELINE.exec(head) ?? COLON_DATELINE.exec(head);
    if (dateline && end - start > dateline[0].length + 20) {
      agenciesIn(text, start, start + dateline[0].length, agencies);
      start += dateline[0].length;
    }
    // Credits sit at the end of a caption; look only at the tail so long lines stay linear.
    const tailFrom = Math.max(start, end - 200);
    const credit = TRAILING_CREDIT.exec(text.slice(tailFrom, end));
    const after: Passage[] = [];
    if (credit) {
      agenciesIn(text, tailFrom + credit.index, end, after);
      end = tailFrom + credit.index;
    }
    ({ start, end } = trimSpan(text, { start, end }));
    if (end > start) {
      const body = text.slice(start, end);
      kept.push({ passage: { start, end }, agencies, prose: !headlineLike(body) });
      credited.push(...after);
    } else credited.push(...agencies, ...after);
  }
  // Section labels above the story ("Politics", "U.S. Politics") name no actor of it.
  let lead = 0;
  while (lead < kept.length && !kept[lead]!.prose) lead++;
  if (lead < kept.length) {
    const labels = kept.slice(0, lead).filter((k) => {
      const t = text.slice(k.passage.start, k.passage.end);
      return TOPIC_TAG.test(t) && t.split(' ').length <= 2;
    });
    if (labels.length) {
      const drop = new Set(labels);
      const rest = kept.filter((k) => !drop.has(k));
      kept.length = 0;
      kept.push(...rest);
    }
  }
  // Lists of links at the foot of a page ("You might also like", related headlines, tags) come
  // after the last paragraph of prose: two or more short lines that do not read as sentences.
  let tail = kept.length;
  while (tail > 0 && !kept[tail - 1]!.prose) tail--;
  if (tail > 0 && kept.length - tail >= 2) kept.length = tail;
  const passages: Passage[] = [];
  for (const k of kept) passages.push(...k.agencies, k.passage);
  if (tail > 0 || kept.length === 0) passages.push(...credited);
  return dedupeAgencies(passages);
}

/** One passage per agency name is enough: a repeated credit adds nothing. */
function dedupeAgencies(passages: Passage[]): Passage[] {
  return passages.filter((p, i) => i === 0 || p.start >= passages[i - 1]!.end);
}
