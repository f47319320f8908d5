// GET /api/actors/:id roles: the gazetteer's roles with their real dates, and the roles articles
// state as of the article's date with the article cited; an article's date is never a role's
// start, and a role the gazetteer has ended (by death or end of term) is never current.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorResponse } from '../../server/api/schemas.ts';
import { dataPath, type ActorRole, type DatedRole } from '../../server/model/index.ts';
import { testApp } from './setup.ts';

const t = await testApp([]);
const api = request(t.app);
afterAll(() => t.close());

/** The roles the gazetteer files list for a person, read from the data, not from the server. */
function gazetteerRoles(id: string): DatedRole[] {
  const dir = dataPath('gazetteer', 'people');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const people = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      id: string;
      roles: DatedRole[];
    }[];
    const person = people.find((p) => p.id === id);
    if (person) return person.roles;
  }
  throw new Error(`${id} is not in the gazetteer`);
}

const ARTICLES = {
  mourning: {
    title: 'Tributes in Tabriz',
    published: '2024-05-21',
    text:
      'Mourners gathered in Tabriz on Tuesday. Iraqi Prime Minister Mohammed Shia al-Sudani ' +
      'praised Iranian President Ebrahim Raisi for his work on regional trade.',
  },
  message: {
    title: 'A message to Astana',
    published: '2022-11-26',
    text:
      'Chinese President Xi Jinping sent a message of congratulations to Kazakhstan on Friday, ' +
      'and Kazakh officials thanked Beijing for its support.',
  },
  visit: {
    title: 'Energy talks in Moscow',
    published: '2023-03-20',
    text: 'Chinese President Xi Jinping arrived in Moscow for talks with Russia on energy supplies.',
  },
  lecture: {
    title: 'Call for mediation',
    published: '2024-01-15',
    text:
      'Makerere University lecturer Grace Atim said Uganda should mediate between Kenya and ' +
      'Tanzania over the fishing dispute.',
  },
};
const ids: Record<string, string> = {};

beforeAll(async () => {
  for (const [name, article] of Object.entries(ARTICLES)) {
    const res = await api.post('/api/documents').send(article).expect(201);
    ids[name] = res.body.id;
  }
});

async function roles(actor: string): Promise<ActorRole[]> {
  const res = await api.get(`/api/actors/${actor}`).expect(200);
  expect(ActorResponse.safeParse(res.body).success).toBe(true);
  return res.body.roles as ActorRole[];
}

const known = (rs: ActorRole[]) => rs.filter((r) => r.basis === 'gazetteer');
const stated = (rs: ActorRole[]) => rs.filter((r) => r.basis === 'article');

describe('roles of one actor', () => {
  it('gives every gazetteer role with its real dates, current only while it has no end', async () => {
    const xi = await roles('xi-jinping');
    const expected = gazetteerRoles('xi-jinping');
    expect(known(xi)).toHaveLength(expected.length);
    for (const role of expected) {
      expect(known(xi)).toContainEqual(
        expect.objectContaining({
          title: role.title,
          of: role.of,
          from: role.from,
          to: role.to,
          current: role.to === null,
        }),
      );
    }
  });

  it('never takes an article date for the start of a role', async () => {
    const dates = Object.values(ARTICLES).map((a) => a.published);
    for (const actor of ['xi-jinping', 'ebrahim-raisi', 'grace-atim']) {
      const rs = await roles(actor);
      expect(rs.length, actor).toBeGreaterThan(0);
      for (const r of rs) if ('from' in r) expect(dates, actor).not.toContain(r.from);
    }
  });

  it('gives stated roles as of the latest article that states them, citing it', async () => {
    const xi = stated(await roles('xi-jinping'));
    // Two articles call him China's president: one entry, as of the later one.
    expect(xi).toEqual([
      {
        basis: 'article',
        title: 'President',
        of: 'china',
        ofName: 'China',
        asOf: ARTICLES.visit.published,
        document: { id: ids.visit, title: ARTICLES.visit.title },
        current: false,
        endedBefore: null,
      },
    ]);
  });

  it('never shows a role as current after the gazetteer ends it', async () => {
    const raisi = await roles('ebrahim-raisi');
    const ends = gazetteerRoles('ebrahim-raisi').map((r) => r.to);
    expect(ends.every((to) => to !== null && to < ARTICLES.mourning.published)).toBe(true);
    expect(raisi.filter((r) => r.current)).toEqual([]);
    // The article, two days after the gazetteer's end, still calls him president: stated as of
    // its date, and flagged with the end the gazetteer gives.
    const [said] = stated(raisi);
    expect(said).toMatchObject({
      of: 'iran',
      asOf: ARTICLES.mourning.published,
      document: { id: ids.mourning },
      endedBefore: ends.sort().at(-1),
    });
  });

  it('gives people the gazetteer lacks only the roles their articles state', async () => {
    const atim = await roles('grace-atim');
    expect(known(atim)).toEqual([]);
    expect(stated(atim)).toMatchObject([
      {
        title: 'lecturer',
        of: 'makerere-university',
        asOf: ARTICLES.lecture.published,
        document: { id: ids.lecture, title: ARTICLES.lecture.title },
        endedBefore: null,
      },
    ]);
  });

  it('drops a stated role when its article is deleted', async () => {
    await api.delete(`/api/documents/${ids.visit}`).expect(200);
    const xi = stated(await roles('xi-jinping'));
    expect(xi.map((r) => [r.asOf, r.document.id])).toEqual([
      [ARTICLES.message.published, ids.message],
    ]);
  });
});
