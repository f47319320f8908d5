// Named organizations by pattern ("Renmin University", "Ministry of Foreign Affairs"), lower-case
// ministries after a state, and the generic nouns by which a state acts ("Turkish troops").
import type { Word } from './words.ts';
import { keysOf } from './words.ts';
import type { ActorContext } from './context.ts';
import { bodyKey } from '../gazetteer.ts';
import { MONTHS, WEEKDAYS } from '../names.ts';

/** A state's generic forces or government: "the Syrian government", "Turkish troops" are the state. */
export const GOV_NOUNS = new Set([
  'government',
  'governments',
  'army',
  'forces',
  'military',
  'troops',
  'navy',
  'warplanes',
  'jets',
  'officials',
  'authorities',
  'regime',
  'administration',
  'soldiers',
  'militaries',
  'cabinet',
  'leadership',
  'coastguard',
  'border guards',
]);

const ORG_HEADS = new Set([
  'ministry',
  'party',
  'university',
  'agency',
  'corp',
  'corporation',
  'inc',
  'group',
  'company',
  'council',
  'parliament',
  'assembly',
  'congress',
  'forces',
  'force',
  'army',
  'navy',
  'guard',
  'guards',
  'front',
  'movement',
  'brigade',
  'brigades',
  'committee',
  'commission',
  'bank',
  'institute',
  'organization',
  'organisation',
  'court',
  'office',
  'department',
  'senate',
  'federation',
  'alliance',
  'league',
  'authority',
  'service',
  'police',
  'coalition',
  'command',
  'corps',
  'foundation',
  'union',
  'tribunal',
  'militia',
  'ltd',
  'plc',
  'co',
  'holdings',
  'airlines',
  'times',
  'post',
  'news',
  'television',
  'broadcasting',
  'center',
  'centre',
  'academy',
  'school',
  'college',
]);
/**
 * True when a capitalised word heads an organization's name ("Front", "Council", "Government"):
 * the name finder may leave such a name unlabelled ("Kurdistan Regional Government").
 */
export function isOrgHead(word: string): boolean {
  const key = word.toLowerCase();
  return /^\p{Lu}/u.test(word) && (ORG_HEADS.has(key) || key === 'government');
}

/** Heads that open a name: "Ministry of Foreign Affairs", "University of Tokyo". */
const ORG_LEADS = new Set([
  'ministry',
  'secretariat',
  'university',
  'department',
  'office',
  'bank',
  'council',
  'court',
  'institute',
  'federation',
  'league',
  'organization',
  'organisation',
  'union',
  'party',
  'academy',
  'school',
  'college',
  'committee',
  'commission',
]);
/** Heads of bodies that belong to one state: named with the state's id in front. */
const NATIONAL_HEADS = new Set(['ministry', 'department', 'office']);
const ORG_CONNECTORS = new Set(['of', 'for', 'and', 'on', '&', 'the', 'de']);
/** Lower-case words that can name a ministry after a demonym: "Chinese foreign ministry". */
const MINISTRY_WORDS = new Set([
  'foreign',
  'defence',
  'defense',
  'interior',
  'finance',
  'trade',
  'commerce',
  'justice',
  'health',
  'economy',
  'information',
  'home',
  'industry',
  'energy',
  'unification',
  'security',
  'state',
  'education',
  'agriculture',
  'culture',
]);

export interface OrgMatch {
  end: number;
  actor: { id: string; name: string; kind: 'organization'; country: string | null };
  /** The name without its corporate suffix, when the text gave one ("Chevron" of "Chevron Corp"). */
  short?: string;
}

/** Legal-form suffixes: the canonical name is the company as news names it ("Chevron"). */
const CORPORATE_SUFFIX =
  /,?\s+(?:Corp\.?|Corporation|Inc\.?|Incorporated|Ltd\.?|Limited|Plc|PLC|plc|Co\.?|LLC|S\.?A\.?|AG|N\.?V\.?|GmbH)$/;

/** Whether a gazetteer body `id` belongs to `state` (or either is unknown): "Pakistan's Foreign Office" is not Britain's. */
function ofState(ctx: ActorContext, id: string, state: string | null): boolean {
  const of = ctx.gaz.byId(id)?.country;
  return !state || !of || of === state;
}

function titleCase(s: string): string {
  return s.replace(/\b([a-z])/g, (c) => c.toUpperCase());
}

/**
 * A named organization by pattern from `i`: a capitalised run ending in a head word ("Renmin
 * University", "Syrian Democratic Forces") or opening with one ("Ministry of Foreign Affairs").
 * `country` is a state that qualifies it from outside ("Pyongyang's ...").
 */
export function parseOrg(
  words: Word[],
  i: number,
  ctx: ActorContext,
  country: string | null,
): OrgMatch | null {
  const first = words[i];
  if (!first || !first.cap || first.pos === 'PUNCT') return null;
  if (first.key === 'the' || first.key === 'a' || first.key === 'an') return null;
  // "Chief of Army Staff", "President of the Commission" are titles, not bodies.
  if (ctx.gaz.titles.has(first.key) && !ORG_LEADS.has(first.key) && words[i + 1]?.key === 'of') {
    return null;
  }
  const { keys, surfs } = keysOf(words);
  let k = i;
  let lastCap = -1;
  while (k < words.length && k - i < 9) {
    const w = words[k]!;
    // "Radio Mogadishu on Monday for the Council": a date ends the name.
    if (WEEKDAYS.has(w.key) || MONTHS.has(w.key)) break;
    if (w.cap && /^[A-Za-z\u00c0-\u024f0-9]/.test(w.text)) {
      lastCap = k;
      k++;
    } else if (ORG_CONNECTORS.has(w.key) && k > i) {
      // "NATO and the European Union" is two bodies, not one name.
      if (w.key === 'the' && !['of', 'for', 'on'].includes(words[k - 1]!.key)) break;
      if ((w.key === 'and' || w.key === '&') && ctx.gaz.matchAt(keys, surfs, i)?.end === k) break;
      k++;
    } else if (w.key === "'" && k > i && words[k - 1]!.key.endsWith('s')) {
      k++;
    } else break;
  }
  if (lastCap < i) return null;
  let end = -1;
  for (let e = lastCap; e > i; e--) {
    if (ORG_HEADS.has(words[e]!.key) && words[e]!.cap) {
      end = e + 1;
      break;
    }
  }
  if (end < 0 && ORG_LEADS.has(first.key) && words[i + 1]?.key === 'of' && lastCap > i + 1) {
    end = lastCap + 1;
  }
  // "US Department of the Treasury": a head that opens its own "of" phrase reads on.
  // "Commission on the Limits of the Continental Shelf", "Council on Foreign Relations": so does
  // a leading head's "on" or "for" phrase.
  const opens = ['of', 'on', 'for'].includes(words[end]?.key ?? '');
  if (end > 0 && end <= lastCap && opens && ORG_LEADS.has(words[end - 1]!.key)) {
    let k2 = end + 1;
    if (words[k2]?.key === 'the') k2++;
    let last = -1;
    while (k2 <= lastCap) {
      const w = words[k2]!;
      const next = words[k2 + 1];
      if (w.cap && !WEEKDAYS.has(w.key) && !MONTHS.has(w.key)) last = k2;
      else if (
        !['and', 'of', 'the'].includes(w.key) ||
        !next ||
        !(next.cap || next.key === 'the')
      ) {
        break;
      }
      k2++;
    }
    if (last > end) end = last + 1;
  }
  if (end < 0) return null;
  // "Janusz Nowak of the Warsaw Institute": a person the name finder found is no part of a body.
  for (let k = i; k < end; k++) if (words[k]!.name?.label === 'person') return null;
  let name = ctx.text.slice(first.start, words[end - 1]!.end);
  const headKey = words[end - 1]!.key;
  let orgCountry = country;
  const dem = ctx.gaz.matchAt(keys, surfs, i);
  const demEntry = dem?.entries.find((e) => e.kind === 'state');
  if (dem && demEntry) {
    // "Turkish Forces" alone is the state's generic forces, not a named body.
    if (dem.end === end - 1 && GOV_NOUNS.has(headKey)) return null;
    if (dem.end >= end) return null;
    orgCountry ??= demEntry.id;
  }
  const lead = /^Ministry of (?:the )?(\w+)(?: Affairs)?$/i.exec(name);
  if (lead) name = `${titleCase(lead[1]!.toLowerCase())} Ministry`;
  let id: string;
  let national = false;
  for (let k3 = i; k3 < end && !national; k3++) national = NATIONAL_HEADS.has(words[k3]!.key);
  if (national && demEntry && dem && dem.end < end) {
    name = ctx.text.slice(words[dem.end]!.start, words[end - 1]!.end);
    const l2 = /^Ministry of (?:the )?(\w+)(?: Affairs)?$/i.exec(name);
    if (l2) name = `${titleCase(l2[1]!.toLowerCase())} Ministry`;
  }
  const corporate = CORPORATE_SUFFIX.exec(name);
  const short = corporate && corporate.index > 0 ? name.slice(0, corporate.index) : undefined;
  if (short) name = short;
  // A body of another state is never the one named: "Pakistan's Foreign Office" is not Britain's.
  const byName = ctx.gaz
    .lookup(name)
    .find((e) => e.kind === 'organization' && ofState(ctx, e.id, orgCountry));
  const knownId = byName?.id ?? (orgCountry ? ctx.gaz.nationalBody(orgCountry, name) : null);
  const known = knownId ? { id: knownId } : null;
  if (known) {
    const k2 = ctx.gaz.byId(known.id)!;
    const found: OrgMatch = {
      end,
      actor: { id: known.id, name: k2.name, kind: 'organization', country: k2.country },
    };
    if (short) found.short = short;
    return found;
  }
  if (national && orgCountry) {
    const st = ctx.gaz.byId(orgCountry);
    id = slugifyOrg(`${orgCountry} ${name}`);
    name = nationalBodyName(st?.name ?? orgCountry, name);
  } else id = slugifyOrg(name);
  const found: OrgMatch = { end, actor: { id, name, kind: 'organization', country: orgCountry } };
  if (short) found.short = short;
  return found;
}

/** "Chinese foreign ministry", "Russia's defence ministry": a lower-case ministry after a state. */
export function parseLowerMinistry(words: Word[], j: number): number {
  let k = j;
  while (k < words.length && k - j < 2 && MINISTRY_WORDS.has(words[k]!.key)) k++;
  if (k > j && (words[k]?.key === 'ministry' || words[k]?.key === 'office')) return k + 1;
  if (words[j]?.key === 'ministry' && !words[j]!.cap) return j + 1;
  return -1;
}

/** A state's body named in full: the foreign ministry as "Ministry of Foreign Affairs of Argentina". */
export function nationalBodyName(stateName: string, body: string): string {
  if (bodyKey(body) === 'foreign ministry') return `Ministry of Foreign Affairs of ${stateName}`;
  return `${stateName} ${body}`;
}

function slugifyOrg(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/g, '');
}
