// The roles in the actor panel, in headless chromium against the real server: gazetteer roles
// with their real dates ("present" only while the gazetteer gives no end), roles stated in
// articles "as of" the article's date with the article cited and openable, and a role the
// gazetteer had ended by the article's date flagged, never shown as current.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { dataPath, type DatedRole } from '../../server/model/index.ts';
import { SEED_ARTICLE, explorerSession, screenshot } from './harness.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-roles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An article of our own, dated two days after the gazetteer ends the president's term. */
const TRIBUTE = {
  title: 'Tributes in Tabriz',
  published: '2024-05-21',
  text:
    'Mourners gathered in Tabriz on Tuesday. Iraqi Prime Minister Mohammed Shia al-Sudani ' +
    'praised Iranian President Ebrahim Raisi for his work on regional trade.',
};
const tribute = path.join(dir, 'tribute.txt');
writeFileSync(
  tribute,
  `---\ntitle: "${TRIBUTE.title}"\npublished: ${TRIBUTE.published}\n---\n${TRIBUTE.text}\n`,
);
const seedPublished = /^published:\s*"?([\d-]+)/m.exec(readFileSync(SEED_ARTICLE, 'utf8'))![1]!;

const session = explorerSession([SEED_ARTICLE, tribute]);

/** The gazetteer's roles of a person, read from the data files. */
function gazetteerRoles(id: string): DatedRole[] {
  const people = dataPath('gazetteer', 'people');
  for (const file of readdirSync(people).filter((f) => f.endsWith('.json'))) {
    const list = JSON.parse(readFileSync(path.join(people, file), 'utf8')) as {
      id: string;
      roles: DatedRole[];
    }[];
    const found = list.find((p) => p.id === id);
    if (found) return found.roles;
  }
  throw new Error(`${id} is not in the gazetteer`);
}

interface RoleRow {
  basis: string;
  current: string;
  text: string;
}

/** Opens the actor's panel through the URL and reads its role rows once they have loaded. */
async function roleRows(page: Page): Promise<RoleRow[]> {
  await page.locator('.actor-panel .roles h3', { hasText: 'Roles' }).waitFor();
  return page.locator('.actor-panel .role-list li').evaluateAll((items) =>
    items.map((li) => ({
      basis: li.getAttribute('data-basis') ?? '',
      current: li.getAttribute('data-current') ?? '',
      text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
}

describe('actor panel roles', () => {
  it('gives the gazetteer dates, and an article role as of the article date', async () => {
    const p = await session.load('?sel=n:xi-jinping');
    const rows = await roleRows(p.page);
    const known = rows.filter((r) => r.basis === 'gazetteer');
    const roles = gazetteerRoles('xi-jinping');
    expect(known).toHaveLength(roles.length);
    for (const role of roles) {
      const row = known.find((r) => r.text.startsWith(`${role.title} of China`));
      expect(row, role.title).toBeDefined();
      expect(row!.text).toContain(`${role.from} – ${role.to ?? 'present'}`);
      expect(row!.current).toBe(String(role.to === null));
    }
    const stated = rows.filter((r) => r.basis === 'article');
    expect(stated.length).toBeGreaterThan(0);
    for (const row of stated) {
      expect(row.text).toContain(`as of ${seedPublished}`);
      expect(row.current).toBe('false');
    }
    // The article's date is never shown as the start of a role.
    for (const row of rows) expect(row.text).not.toContain(`${seedPublished} –`);
    await screenshot(p.page, 'roles-xi');

    // The cited article opens in the viewer.
    await p.page.locator('.actor-panel .role-source').first().click();
    await p.page.locator('.article-dialog .article-text mark').first().waitFor();
    await p.close();
  });

  it('never shows as current a role the gazetteer ended before the article', async () => {
    const p = await session.load('?sel=n:ebrahim-raisi');
    const rows = await roleRows(p.page);
    const [term] = gazetteerRoles('ebrahim-raisi');
    expect(term!.to! < TRIBUTE.published).toBe(true);
    expect(rows.filter((r) => r.current === 'true')).toEqual([]);
    for (const row of rows) expect(row.text).not.toContain('present');
    const known = rows.find((r) => r.basis === 'gazetteer');
    expect(known?.text).toContain(`${term!.from} – ${term!.to}`);
    const stated = rows.find((r) => r.basis === 'article');
    expect(stated?.text).toContain(`as of ${TRIBUTE.published}`);
    expect(stated?.text).toContain(TRIBUTE.title);
    expect(stated?.text).toMatch(new RegExp(`no longer held.*${term!.to}`));
    await screenshot(p.page, 'roles-ended');
    await p.close();
  });
});
