// The people gazetteer, part B (people/others.json): shape, unique slugs, dated roles that do not
// collide, and spot checks of who held an office on a given day.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IsoDate, dataPath } from '../../server/model/index.ts';
import { dayNumber, peopleSchemas } from './people-schema.ts';

const EXCLUSIVE_OFFICES = [
  'head-of-state',
  'head-of-government',
  'foreign-minister',
  'defence-minister',
];
// Handovers often share a day or are dated a few days apart by different sources.
const TOLERANCE_DAYS = 7;
const PERIOD_START = '2015-01-01';
const PERIOD_END = '2026-11-27';
// Fixed terms (the Swiss presidency) may end later this year.
const LATEST_END = '2026-12-31';

const { Person } = peopleSchemas(z.literal(true));
type Person = z.infer<typeof Person>;

const peopleFile = (name: string) => dataPath('gazetteer', 'people', name);
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const others = z.array(Person).parse(readJson(peopleFile('others.json')));
const siblingFiles = ['g20.json', 'international.json'].filter((f) => existsSync(peopleFile(f)));
// Other files are checked by their own tests; here only what the cross-checks read must hold.
const SiblingRole = z
  .object({
    office: z.string().nullable().optional(),
    of: z.string().nullable(),
    from: IsoDate.nullable(),
    to: IsoDate.nullable(),
    acting: z.boolean().optional(),
  })
  .loose();
type Period = z.infer<typeof SiblingRole>;
const Sibling = z.object({ id: z.string(), roles: z.array(SiblingRole).optional() }).loose();
const siblings = siblingFiles.map(
  (f) => [f, z.array(Sibling).parse(readJson(peopleFile(f)))] as const,
);

const OPEN_END = dayNumber('2100-01-01');
const startOf = (role: Period) => (role.from === null ? -OPEN_END : dayNumber(role.from));
const endOf = (role: Period) => (role.to === null ? OPEN_END : dayNumber(role.to));
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();

/** Pairs of non-acting holders of one exclusive office whose periods overlap beyond tolerance. */
function clashes(roles: { id: string; r: Period }[]): string[] {
  const byOffice = new Map<string, { id: string; r: Period }[]>();
  for (const { id, r } of roles) {
    if (!r.office || !EXCLUSIVE_OFFICES.includes(r.office) || r.acting) continue;
    const key = `${r.of} ${r.office}`;
    byOffice.set(key, [...(byOffice.get(key) ?? []), { id, r }]);
  }
  const found: string[] = [];
  for (const [key, list] of byOffice) {
    list.sort((a, b) => startOf(a.r) - startOf(b.r));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!, list[j]!];
        const overlap = Math.min(endOf(a.r), endOf(b.r)) - Math.max(startOf(a.r), startOf(b.r));
        if (overlap > TOLERANCE_DAYS) found.push(`${key}: ${a.id} / ${b.id} (${overlap} days)`);
      }
    }
  }
  return found;
}

/** Who held `office` of `of` on `date`, acting holders last. */
function holders(of: string, office: string, date: string): string[] {
  const day = dayNumber(date);
  return others
    .flatMap((p) => p.roles.map((r) => ({ id: p.id, r })))
    .filter(({ r }) => r.of === of && r.office === office)
    .filter(({ r }) => dayNumber(r.from) <= day && day < endOf(r))
    .sort((a, b) => Number(a.r.acting ?? false) - Number(b.r.acting ?? false))
    .map(({ id }) => id);
}

describe('people/others.json', () => {
  it('has ids that are unique within the file and across the people folder', () => {
    const ids = others.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [file, list] of siblings) {
      const theirs = new Set(list.map((p) => p.id));
      expect(
        ids.filter((id) => theirs.has(id)),
        `ids also in ${file}`,
      ).toEqual([]);
    }
  });

  it('derives each id from the name or an alias', () => {
    const slug = (s: string) =>
      fold(s)
        .replace(/['’.]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    for (const p of others) {
      expect([p.name, ...p.aliases].map(slug), p.id).toContain(p.id);
    }
  });

  it('lists each alias once, never the canonical name, and finds the surname in a full form', () => {
    for (const p of others) {
      expect(new Set(p.aliases).size, p.id).toBe(p.aliases.length);
      expect(p.aliases, p.id).not.toContain(p.name);
      const forms = [p.name, ...p.aliases].map(fold);
      expect(
        forms.some((f) => f.includes(fold(p.surname))),
        `${p.id}: surname ${p.surname}`,
      ).toBe(true);
    }
  });

  it('gives ASCII forms of names written with diacritics', () => {
    for (const p of others) {
      const ascii = p.name.normalize('NFD').replace(/\p{Mn}/gu, '');
      if (ascii !== p.name && /^[\x20-\x7e]*$/.test(ascii))
        expect(p.aliases, p.id).toContain(ascii);
    }
  });

  it('dates every role in order and keeps everyone relevant to 2015-2026', () => {
    const start = dayNumber(PERIOD_START);
    const end = dayNumber(PERIOD_END);
    for (const p of others) {
      for (const r of p.roles) {
        expect(dayNumber(r.from), `${p.id} ${r.title}`).toBeLessThanOrEqual(endOf(r));
        if (r.to !== null) {
          expect(dayNumber(r.to), `${p.id} ${r.title}`).toBeLessThanOrEqual(dayNumber(LATEST_END));
        }
      }
      const inPeriod = p.roles.some((r) => dayNumber(r.from) <= end && endOf(r) >= start);
      expect(inPeriod, `${p.id} holds no role in 2015-2026`).toBe(true);
    }
  });

  it('names states and organizations that the gazetteer knows', () => {
    const statesFile = dataPath('gazetteer', 'states.json');
    const orgsFile = dataPath('gazetteer', 'organizations.json');
    const known = new Set<string>();
    for (const file of [statesFile, orgsFile].filter((f) => existsSync(f))) {
      for (const entry of z.array(z.object({ id: z.string() }).loose()).parse(readJson(file))) {
        known.add(entry.id);
      }
    }
    if (!existsSync(statesFile)) {
      console.warn('states.json absent: checking country and role ids against slugs only');
      return;
    }
    for (const p of others) {
      expect(known.has(p.country), `${p.id} country ${p.country}`).toBe(true);
      for (const r of p.roles) expect(known.has(r.of), `${p.id} role of ${r.of}`).toBe(true);
    }
  });

  it('never has two non-acting holders of one office at once', () => {
    const roles = others.flatMap((p) => p.roles.map((r) => ({ id: p.id, r })));
    expect(clashes(roles)).toEqual([]);
    const offices = new Set(
      roles
        .filter(({ r }) => EXCLUSIVE_OFFICES.includes(r.office ?? ''))
        .map(({ r }) => r.of + r.office),
    );
    expect(offices.size).toBeGreaterThan(150);
  });

  it('agrees with the office holders other people files give for these states', () => {
    const covered = new Set(others.flatMap((p) => p.roles.map((r) => r.of)));
    const theirs = siblings.flatMap(([, list]) =>
      list.flatMap((p) =>
        (p.roles ?? [])
          .filter((r) => r.of !== null && covered.has(r.of))
          .map((r) => ({ id: p.id, r })),
      ),
    );
    const ours = others.flatMap((p) => p.roles.map((r) => ({ id: p.id, r })));
    expect(clashes([...ours, ...theirs])).toEqual([]);
  });

  it('flags acting holders that overlap a suspended office holder', () => {
    expect(holders('south-korea', 'head-of-state', '2025-01-15')).toEqual([
      'yoon-suk-yeol',
      'choi-sang-mok',
    ]);
    const choi = others.find((p) => p.id === 'choi-sang-mok');
    expect(choi?.roles.every((r) => r.acting === true)).toBe(true);
  });

  const COVERED = [
    'south-korea', 'north-korea', 'ukraine', 'israel', 'iran', 'egypt', 'pakistan',
    'angola', 'chad', 'chile', 'jordan', 'lithuania', 'malaysia', 'new-zealand', 'nigeria',
    'spain', 'venezuela', 'senegal', 'uruguay', 'bolivia', 'ethiopia', 'kazakhstan', 'sweden',
    'ivory-coast', 'equatorial-guinea', 'kuwait', 'netherlands', 'peru', 'poland', 'belgium',
    'dominican-republic', 'estonia', 'niger', 'saint-vincent-and-the-grenadines', 'tunisia',
    'vietnam', 'ireland', 'kenya', 'norway', 'albania', 'gabon', 'ghana', 'united-arab-emirates',
    'ecuador', 'malta', 'mozambique', 'switzerland', 'algeria', 'guyana', 'sierra-leone',
    'slovenia', 'denmark', 'greece', 'panama', 'somalia', 'bahrain', 'colombia', 'dr-congo',
    'latvia', 'liberia',
  ]; // prettier-ignore

  it.each(COVERED)('knows who led %s in 2016, 2020 and 2025', (state) => {
    for (const date of ['2016-06-01', '2020-06-01', '2025-06-01']) {
      const leaders = [
        ...holders(state, 'head-of-state', date),
        ...holders(state, 'head-of-government', date),
      ];
      expect(leaders.length, `${state} on ${date}`).toBeGreaterThan(0);
    }
  });

  const SPOT_CHECKS: [string, string, string, string][] = [
    ['north-korea', 'supreme-leader', '2022-11-26', 'kim-jong-un'],
    ['north-korea', 'head-of-state', '2017-09-03', 'kim-jong-un'],
    ['north-korea', 'foreign-minister', '2018-06-12', 'ri-yong-ho'],
    ['north-korea', 'foreign-minister', '2023-09-13', 'choe-son-hui'],
    ['north-korea', 'head-of-government', '2019-02-27', 'pak-pong-ju'],
    ['south-korea', 'head-of-state', '2016-01-06', 'park-geun-hye'],
    ['south-korea', 'head-of-state', '2019-06-01', 'moon-jae-in'],
    ['south-korea', 'head-of-state', '2022-11-26', 'yoon-suk-yeol'],
    ['south-korea', 'head-of-state', '2025-08-01', 'lee-jae-myung'],
    ['south-korea', 'head-of-state', '2025-04-20', 'han-duck-soo'],
    ['south-korea', 'head-of-government', '2023-03-01', 'han-duck-soo'],
    ['south-korea', 'foreign-minister', '2018-04-27', 'kang-kyung-wha'],
    ['south-korea', 'foreign-minister', '2024-06-01', 'cho-tae-yul'],
    ['south-korea', 'defence-minister', '2024-10-01', 'kim-yong-hyun'],
    ['ukraine', 'head-of-state', '2017-01-01', 'petro-poroshenko'],
    ['ukraine', 'head-of-state', '2023-01-01', 'volodymyr-zelensky'],
    ['ukraine', 'head-of-government', '2022-03-01', 'denys-shmyhal'],
    ['ukraine', 'foreign-minister', '2022-03-10', 'dmytro-kuleba'],
    ['ukraine', 'foreign-minister', '2025-03-01', 'andrii-sybiha'],
    ['ukraine', 'defence-minister', '2022-06-01', 'oleksii-reznikov'],
    ['ukraine', 'defence-minister', '2024-06-01', 'rustem-umerov'],
    ['israel', 'head-of-government', '2018-05-14', 'benjamin-netanyahu'],
    ['israel', 'head-of-government', '2021-12-01', 'naftali-bennett'],
    ['israel', 'head-of-government', '2022-09-01', 'yair-lapid'],
    ['israel', 'head-of-government', '2024-04-14', 'benjamin-netanyahu'],
    ['israel', 'head-of-state', '2023-01-01', 'isaac-herzog'],
    ['israel', 'defence-minister', '2023-10-08', 'yoav-gallant'],
    ['israel', 'defence-minister', '2025-06-13', 'israel-katz'],
    ['israel', 'foreign-minister', '2025-01-01', 'gideon-saar'],
    ['iran', 'supreme-leader', '2020-01-08', 'ali-khamenei'],
    ['iran', 'head-of-state', '2015-07-14', 'hassan-rouhani'],
    ['iran', 'head-of-state', '2022-01-01', 'ebrahim-raisi'],
    ['iran', 'head-of-state', '2024-06-15', 'mohammad-mokhber'],
    ['iran', 'head-of-state', '2025-06-13', 'masoud-pezeshkian'],
    ['iran', 'foreign-minister', '2015-07-14', 'mohammad-javad-zarif'],
    ['iran', 'foreign-minister', '2025-06-13', 'abbas-araghchi'],
    ['egypt', 'head-of-state', '2020-01-01', 'abdel-fattah-al-sisi'],
    ['egypt', 'head-of-government', '2019-01-01', 'mostafa-madbouly'],
    ['egypt', 'foreign-minister', '2023-10-20', 'sameh-shoukry'],
    ['egypt', 'foreign-minister', '2025-01-01', 'badr-abdelatty'],
    ['pakistan', 'head-of-government', '2016-01-01', 'nawaz-sharif'],
    ['pakistan', 'head-of-government', '2020-01-01', 'imran-khan'],
    ['pakistan', 'head-of-government', '2025-05-10', 'shehbaz-sharif'],
    ['pakistan', 'head-of-state', '2020-01-01', 'arif-alvi'],
    ['pakistan', 'head-of-state', '2025-01-01', 'asif-ali-zardari'],
    ['pakistan', 'foreign-minister', '2023-01-01', 'bilawal-bhutto-zardari'],
    ['pakistan', 'foreign-minister', '2025-05-10', 'ishaq-dar'],
    ['pakistan', 'defence-minister', '2025-05-10', 'khawaja-muhammad-asif'],
    ['spain', 'head-of-government', '2016-01-01', 'mariano-rajoy'],
    ['spain', 'head-of-government', '2024-01-01', 'pedro-sanchez'],
    ['sweden', 'head-of-government', '2023-01-01', 'ulf-kristersson'],
    ['poland', 'head-of-state', '2022-02-24', 'andrzej-duda'],
    ['poland', 'foreign-minister', '2024-06-01', 'radoslaw-sikorski'],
    ['netherlands', 'head-of-state', '2020-01-01', 'willem-alexander'],
    ['venezuela', 'head-of-state', '2020-01-01', 'nicolas-maduro'],
    ['vietnam', 'supreme-leader', '2020-01-01', 'nguyen-phu-trong'],
    ['vietnam', 'head-of-government', '2023-06-01', 'pham-minh-chinh'],
    ['kazakhstan', 'head-of-state', '2022-01-05', 'kassym-jomart-tokayev'],
    ['malaysia', 'head-of-government', '2023-06-01', 'anwar-ibrahim'],
    ['united-arab-emirates', 'head-of-state', '2023-06-01', 'mohamed-bin-zayed-al-nahyan'],
    ['ethiopia', 'head-of-government', '2020-11-04', 'abiy-ahmed'],
    ['nigeria', 'head-of-state', '2019-06-01', 'muhammadu-buhari'],
    ['kenya', 'head-of-state', '2023-06-01', 'william-ruto'],
    ['ireland', 'head-of-government', '2018-01-01', 'leo-varadkar'],
    ['new-zealand', 'head-of-government', '2019-03-15', 'jacinda-ardern'],
    ['colombia', 'head-of-state', '2016-09-26', 'juan-manuel-santos'],
    ['peru', 'head-of-state', '2023-06-01', 'dina-boluarte'],
    ['switzerland', 'foreign-minister', '2020-01-01', 'ignazio-cassis'],
    ['denmark', 'head-of-government', '2025-01-10', 'mette-frederiksen'],
    ['greece', 'head-of-government', '2015-07-05', 'alexis-tsipras'],
    ['jordan', 'head-of-state', '2020-01-01', 'abdullah-ii-of-jordan'],
    ['kuwait', 'head-of-state', '2024-06-01', 'mishal-al-ahmad-al-jaber-al-sabah'],
  ];

  it.each(SPOT_CHECKS)('%s %s on %s is %s', (of, office, date, id) => {
    expect(holders(of, office, date)[0]).toBe(id);
  });

  it('resolves nobody before an office holder took office', () => {
    expect(holders('south-korea', 'head-of-state', '2025-04-10')).not.toContain('lee-jae-myung');
    expect(holders('iran', 'head-of-state', '2021-08-02')).toEqual(['hassan-rouhani']);
    expect(holders('iran', 'head-of-state', '2021-08-03')).toEqual(['ebrahim-raisi']);
  });

  it('keeps the surnames news uses alone and the transliterations it prints', () => {
    const byId = new Map(others.map((p) => [p.id, p] as const));
    const cases: [string, string, string[]][] = [
      ['kim-jong-un', 'Kim', ['Kim Jong Un']],
      ['yoon-suk-yeol', 'Yoon', ['Yoon Suk-yeol']],
      ['volodymyr-zelensky', 'Zelensky', ['Zelenskyy', 'Volodymyr Zelenskyy', 'Zelenskiy']],
      ['benjamin-netanyahu', 'Netanyahu', ['Bibi']],
      ['abdel-fattah-al-sisi', 'Sisi', ['Abdel Fattah el-Sisi']],
      ['ali-khamenei', 'Khamenei', []],
    ];
    for (const [id, surname, aliases] of cases) {
      expect(byId.get(id)?.surname, id).toBe(surname);
      for (const alias of aliases) expect(byId.get(id)?.aliases, id).toContain(alias);
    }
  });
});
