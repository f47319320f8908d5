// Checks the state and organization gazetteers: their shape, coverage and unambiguous lookup.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dataPath } from '../../server/model/index.ts';

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase ASCII slug');
// Surface forms are trimmed, single-spaced and use the ASCII apostrophe (text is folded to it).
const Surface = z
  .string()
  .min(1)
  .refine((s) => s === s.trim() && !/\s{2}/.test(s) && !/[\u2018\u2019]/.test(s), 'clean surface');
const SurfaceList = z
  .array(Surface)
  .refine((xs) => new Set(xs).size === xs.length, 'no duplicates in a list');

const StateEntry = z.strictObject({
  id: Slug,
  name: Surface,
  iso3: z.string().regex(/^[A-Z]{3}$/),
  aliases: SurfaceList,
  demonyms: SurfaceList,
  capitals: SurfaceList,
  metonyms: SurfaceList,
  ambiguous: SurfaceList,
});

const CATEGORIES = [
  'igo',
  'bloc',
  'forum',
  'court',
  'agency',
  'party',
  'media',
  'military',
  'armed-group',
  'ngo',
  'company',
  'university',
  'government-body',
] as const;

const OrganizationEntry = z.strictObject({
  id: Slug,
  name: Surface,
  aliases: SurfaceList,
  country: Slug.nullable(),
  parent: Slug.nullable(),
  category: z.enum(CATEGORIES),
  ambiguous: SurfaceList,
});

type StateEntry = z.infer<typeof StateEntry>;
type OrganizationEntry = z.infer<typeof OrganizationEntry>;

function load(file: string): unknown {
  return JSON.parse(readFileSync(dataPath('gazetteer', file), 'utf8'));
}

const states = z.array(StateEntry).parse(load('states.json'));
const organizations = z.array(OrganizationEntry).parse(load('organizations.json'));

/** The key two surface forms collide on: accents, case, spacing and a leading "the" ignored. */
function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ');
}

function surfaces(e: StateEntry | OrganizationEntry): string[] {
  const own = [e.name, ...e.aliases];
  return 'iso3' in e ? [...own, ...e.demonyms, ...e.capitals, ...e.metonyms] : own;
}

const entries: (StateEntry | OrganizationEntry)[] = [...states, ...organizations];
const byId = new Map(entries.map((e) => [e.id, e]));

// Surface key -> ids of every entry that uses it.
const lookup = new Map<string, Set<string>>();
for (const e of entries) {
  for (const s of surfaces(e)) {
    const key = norm(s);
    if (!lookup.has(key)) lookup.set(key, new Set());
    lookup.get(key)!.add(e.id);
  }
}

function resolve(surface: string): string[] {
  return [...(lookup.get(norm(surface)) ?? [])].sort();
}

function isAmbiguous(id: string, surface: string): boolean {
  const e = byId.get(id)!;
  return e.ambiguous.some((a) => norm(a) === norm(surface));
}

describe('gazetteer files', () => {
  it('parse with the documented shapes and hold enough entries', () => {
    expect(states.length).toBe(197);
    expect(organizations.length).toBeGreaterThanOrEqual(250);
  });

  it('list an ASCII spelling beside every form written with diacritics', () => {
    const missing = entries.flatMap((e) => {
      const own = new Set(surfaces(e));
      return surfaces(e)
        .filter((s) => /[^ -~]/.test(s))
        .map((s) => s.normalize('NFD').replace(/\p{M}/gu, ''))
        .filter((ascii) => !own.has(ascii))
        .map((ascii) => `${e.id}: ${ascii}`);
    });
    expect(missing).toEqual([]);
  });

  it('use unique slug ids across states and organizations', () => {
    const ids = entries.map((e) => e.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('keep the ids other modules already rely on, with their canonical names', () => {
    const fixed: [string, string][] = [
      ['united-states', 'United States'],
      ['united-kingdom', 'United Kingdom'],
      ['china', 'China'],
      ['russia', 'Russia'],
      ['south-korea', 'South Korea'],
      ['north-korea', 'North Korea'],
      ['turkey', 'Türkiye'],
      ['ivory-coast', "Côte d'Ivoire"],
      ['dr-congo', 'Democratic Republic of the Congo'],
      ['republic-of-the-congo', 'Republic of the Congo'],
      ['czech-republic', 'Czech Republic'],
      ['holy-see', 'Holy See'],
      ['palestine', 'Palestine'],
      ['taiwan', 'Taiwan'],
      ['kosovo', 'Kosovo'],
      ['united-nations', 'United Nations'],
      ['un-security-council', 'UN Security Council'],
      ['g20', 'Group of 20'],
      ['apec', 'Apec'],
      ['korean-central-news-agency', 'Korean Central News Agency'],
      ['communist-party-of-china', 'Communist Party of China'],
    ];
    for (const [id, name] of fixed) expect(byId.get(id)?.name, id).toBe(name);
    const otherIds = [
      'united-arab-emirates',
      'saint-vincent-and-the-grenadines',
      'myanmar',
      'eswatini',
      'north-macedonia',
      'cape-verde',
      'timor-leste',
      'vietnam',
      'laos',
      'iran',
      'syria',
      'bolivia',
      'venezuela',
      'tanzania',
      'micronesia',
      'moldova',
      'brunei',
      'gambia',
      'bahamas',
      'netherlands',
      'philippines',
      'saudi-arabia',
      'south-africa',
      'new-zealand',
      'sao-tome-and-principe',
      'un-general-assembly',
      'nato',
      'european-union',
      'european-commission',
      'european-council',
      'european-parliament',
      'african-union',
      'african-union-commission',
      'asean',
      'g7',
      'brics',
      'opec',
      'iaea',
      'who',
      'icc',
      'workers-party-of-korea',
      'xinhua',
      'yonhap',
      'hamas',
      'hezbollah',
      'taliban',
      'islamic-state',
      'pentagon',
      'us-state-department',
    ];
    expect(otherIds.filter((id) => !byId.has(id))).toEqual([]);
    expect(byId.has('kremlin')).toBe(false);
  });
});

describe('states', () => {
  const require = createRequire(import.meta.url);
  const countries: { cca3: string; unMember: boolean }[] = require('world-countries');
  const byIso3 = new Map(states.map((s) => [s.iso3, s]));

  it('cover the 193 UN members, both observers, Taiwan and Kosovo, once each', () => {
    // world-countries flags the Holy See as a member; it is an observer.
    const members = countries.filter((c) => c.unMember && c.cca3 !== 'VAT').map((c) => c.cca3);
    expect(members).toHaveLength(193);
    expect(members.filter((iso3) => !byIso3.has(iso3))).toEqual([]);
    expect(byIso3.get('VAT')?.id).toBe('holy-see');
    expect(byIso3.get('PSE')?.id).toBe('palestine');
    expect(byIso3.get('TWN')?.id).toBe('taiwan');
    expect(byIso3.get('XKX')?.id).toBe('kosovo');
    expect(byIso3.size).toBe(states.length);
  });

  it.each([
    ['US', 'united-states'],
    ['U.S.', 'united-states'],
    ['USA', 'united-states'],
    ['United States of America', 'united-states'],
    ['American', 'united-states'],
    ['Americans', 'united-states'],
    ['the White House', 'united-states'],
    ['White House', 'united-states'],
    ['UK', 'united-kingdom'],
    ['U.K.', 'united-kingdom'],
    ['Britain', 'united-kingdom'],
    ['Great Britain', 'united-kingdom'],
    ['British', 'united-kingdom'],
    ['Briton', 'united-kingdom'],
    ['Downing Street', 'united-kingdom'],
    ['Türkiye', 'turkey'],
    ['Turkiye', 'turkey'],
    ['Turkey', 'turkey'],
    ['Turkish', 'turkey'],
    ['DPRK', 'north-korea'],
    ["Democratic People's Republic of Korea", 'north-korea'],
    ['North Korean', 'north-korea'],
    ['Pyongyang', 'north-korea'],
    ['ROK', 'south-korea'],
    ['Republic of Korea', 'south-korea'],
    ['South Korean', 'south-korea'],
    ['Seoul', 'south-korea'],
    ['PRC', 'china'],
    ["People's Republic of China", 'china'],
    ['Chinese', 'china'],
    ['Beijing', 'china'],
    ['Zhongnanhai', 'china'],
    ['Russian Federation', 'russia'],
    ['the Kremlin', 'russia'],
    ['Moscow', 'russia'],
    ['UAE', 'united-arab-emirates'],
    ['Emirati', 'united-arab-emirates'],
    ['KSA', 'saudi-arabia'],
    ['Saudi', 'saudi-arabia'],
    ['Czechia', 'czech-republic'],
    ['Ivory Coast', 'ivory-coast'],
    ["Cote d'Ivoire", 'ivory-coast'],
    ['Burma', 'myanmar'],
    ['DR Congo', 'dr-congo'],
    ['DRC', 'dr-congo'],
    ['Congo-Brazzaville', 'republic-of-the-congo'],
    ['Swaziland', 'eswatini'],
    ['Macedonia', 'north-macedonia'],
    ['Cabo Verde', 'cape-verde'],
    ['East Timor', 'timor-leste'],
    ['Vatican', 'holy-see'],
    ['State of Palestine', 'palestine'],
    ['Palestinian', 'palestine'],
    ['Ramallah', 'palestine'],
    ['Taipei', 'taiwan'],
    ['Israeli', 'israel'],
    ['Iranian', 'iran'],
    ['Ukrainian', 'ukraine'],
    ['Kyiv', 'ukraine'],
    ['Filipino', 'philippines'],
    ['Philippine', 'philippines'],
    ['Dutch', 'netherlands'],
    ['The Hague', 'netherlands'],
    ['Swiss', 'switzerland'],
    ['the Elysee', 'france'],
    ['the Élysée', 'france'],
    ['Blue House', 'south-korea'],
    ['Kantei', 'japan'],
    ['Pretoria', 'south-africa'],
    ['La Paz', 'bolivia'],
    ['Abuja', 'nigeria'],
    ['Naypyidaw', 'myanmar'],
    ['Abidjan', 'ivory-coast'],
    ['Putrajaya', 'malaysia'],
    ['Dodoma', 'tanzania'],
    ['New Delhi', 'india'],
  ])('resolve %s to %s', (surface, id) => {
    expect(resolve(surface)).toEqual([id]);
  });

  it('give capitals for at least 180 states', () => {
    expect(states.filter((s) => s.capitals.length > 0).length).toBeGreaterThanOrEqual(180);
  });

  it('mark everyday words and shared names as ambiguous', () => {
    const cases: [string, string][] = [
      ['chad', 'Chad'],
      ['jordan', 'Jordan'],
      ['georgia', 'Georgia'],
      ['niger', 'Niger'],
      ['guinea', 'Guinea'],
      ['turkey', 'Turkey'],
      ['united-states', 'America'],
      ['united-states', 'Washington'],
      ['jamaica', 'Kingston'],
      ['seychelles', 'Victoria'],
      ['chile', 'Santiago'],
      ['guyana', 'Georgetown'],
    ];
    for (const [id, surface] of cases) expect(isAmbiguous(id, surface), surface).toBe(true);
    expect(resolve('Korea')).toEqual(['north-korea', 'south-korea']);
    expect(resolve('Congo')).toEqual(['dr-congo', 'republic-of-the-congo']);
  });

  it('do not mark the usual names of big states as ambiguous', () => {
    for (const id of ['united-states', 'china', 'russia', 'united-kingdom', 'france', 'india']) {
      expect(isAmbiguous(id, byId.get(id)!.name), id).toBe(false);
    }
    expect(isAmbiguous('united-states', 'US')).toBe(false);
  });
});

describe('organizations', () => {
  const stateIds = new Set(states.map((s) => s.id));
  const orgIds = new Set(organizations.map((o) => o.id));

  it('name existing states as their country', () => {
    const bad = organizations.filter((o) => o.country !== null && !stateIds.has(o.country));
    expect(bad.map((o) => `${o.id} -> ${o.country}`)).toEqual([]);
  });

  it('have parents that exist, with no cycles', () => {
    for (const o of organizations) {
      const seen = new Set<string>([o.id]);
      let parent = o.parent;
      while (parent !== null) {
        expect(orgIds.has(parent), `${o.id} parent ${parent}`).toBe(true);
        expect(seen.has(parent), `cycle at ${o.id}`).toBe(false);
        seen.add(parent);
        parent = (byId.get(parent) as OrganizationEntry).parent;
      }
    }
  });

  it('keep international bodies without a country and national ones with it', () => {
    for (const id of ['united-nations', 'nato', 'european-union', 'g20', 'icc', 'islamic-state'])
      expect((byId.get(id) as OrganizationEntry).country, id).toBeNull();
    const national: [string, string][] = [
      ['korean-central-news-agency', 'north-korea'],
      ['xinhua', 'china'],
      ['yonhap', 'south-korea'],
      ['pentagon', 'united-states'],
      ['us-state-department', 'united-states'],
      ['communist-party-of-china', 'china'],
      ['workers-party-of-korea', 'north-korea'],
      ['hezbollah', 'lebanon'],
      ['reuters', 'united-kingdom'],
    ];
    for (const [id, country] of national)
      expect((byId.get(id) as OrganizationEntry).country, id).toBe(country);
    expect((byId.get('un-security-council') as OrganizationEntry).parent).toBe('united-nations');
    expect((byId.get('european-commission') as OrganizationEntry).parent).toBe('european-union');
  });

  it.each([
    ['UNSC', 'un-security-council'],
    ['United Nations Security Council', 'un-security-council'],
    ['UNGA', 'un-general-assembly'],
    ['UN', 'united-nations'],
    ['U.N.', 'united-nations'],
    ['APEC', 'apec'],
    ['Asia-Pacific Economic Cooperation', 'apec'],
    ['G20', 'g20'],
    ['G-20', 'g20'],
    ['Group of Twenty', 'g20'],
    ['G7', 'g7'],
    ['KCNA', 'korean-central-news-agency'],
    ['Chinese Communist Party', 'communist-party-of-china'],
    ['CCP', 'communist-party-of-china'],
    ['CPC', 'communist-party-of-china'],
    ['IAEA', 'iaea'],
    ['UN nuclear watchdog', 'iaea'],
    ['World Health Organization', 'who'],
    ['International Criminal Court', 'icc'],
    ['ICC', 'icc'],
    ['North Atlantic Treaty Organization', 'nato'],
    ['EU', 'european-union'],
    ['AU', 'african-union'],
    ['Association of Southeast Asian Nations', 'asean'],
    ['Pentagon', 'pentagon'],
    ['Department of Defense', 'pentagon'],
    ['State Department', 'us-state-department'],
    ['ISIS', 'islamic-state'],
    ['ISIL', 'islamic-state'],
    ['Daesh', 'islamic-state'],
    ['Ansar Allah', 'houthis'],
    ['IRGC', 'irgc'],
    ['IDF', 'israel-defense-forces'],
    ['PLA', 'peoples-liberation-army'],
    ['OPEC+', 'opec-plus'],
  ])('resolve %s to %s', (surface, id) => {
    expect(resolve(surface)).toEqual([id]);
  });

  it('mark generic names such as "Communist Party" as ambiguous', () => {
    expect(isAmbiguous('communist-party-of-china', 'Communist Party')).toBe(true);
    expect(isAmbiguous('un-security-council', 'Security Council')).toBe(true);
    expect(isAmbiguous('nato', 'NATO')).toBe(false);
  });
});

describe('ambiguity', () => {
  it('lists only surface forms of the same entry as ambiguous', () => {
    const stray = entries.flatMap((e) => {
      const own = new Set(surfaces(e).map(norm));
      return e.ambiguous.filter((a) => !own.has(norm(a))).map((a) => `${e.id}: ${a}`);
    });
    expect(stray).toEqual([]);
  });

  it('lets a surface form name two entries only when both mark it ambiguous', () => {
    const clashes: string[] = [];
    for (const [key, ids] of lookup) {
      if (ids.size < 2) continue;
      for (const id of ids) if (!isAmbiguous(id, key)) clashes.push(`${key} -> ${id}`);
    }
    expect(clashes).toEqual([]);
  });
});
