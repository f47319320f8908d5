// Text contrast in headless chromium: in each main state of the explorer (explore with filters,
// ranking, export and legend, the legend with colour by bloc on, actor panel with its timeline,
// edge panel with the dyad's timeline, path panel, ingest preview, added-article summary, article
// viewer, and the narrow layout's drawer), every visible piece of text is checked against WCAG
// AA: the contrast ratio of its computed colour over its effective background (the backgrounds of
// its ancestors composited down to the first opaque one) must be at least 4.5:1. Text of disabled
// controls is exempt, as WCAG exempts inactive components; with a modal dialog open, only the
// dialog counts (the page behind is dimmed on purpose).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickNode, explorerSession, fillIngest } from './harness.ts';

const session = explorerSession();
const AA = 4.5;

interface Measured {
  text: string;
  element: string;
  color: string;
  background: string;
  ratio: number;
}

/** Every visible text element of the page (or of the open modal dialog) with its contrast. */
function measure(page: Page): Promise<Measured[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) throw new Error(`contrast test: cannot read the colour "${css}"`);
      const [r, g, b, a] = m[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r!, g!, b!, a ?? 1];
    };
    const over = (top: Rgba, under: Rgba, alpha = top[3]): Rgba => [
      top[0] * alpha + under[0] * (1 - alpha),
      top[1] * alpha + under[1] * (1 - alpha),
      top[2] * alpha + under[2] * (1 - alpha),
      1,
    ];
    const luminance = ([r, g, b]: Rgba) => {
      const f = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let n: Element | null = el; n; n = n.parentElement) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let out: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) out = over(layer, out);
      return out;
    };
    const opacity = (el: Element) => {
      let o = 1;
      for (let n: Element | null = el; n; n = n.parentElement) {
        o *= Number(getComputedStyle(n).opacity);
      }
      return o;
    };
    const modal = document.querySelector('dialog[open]');
    const root = modal && modal.matches(':modal') ? modal : document.body;
    const out: Measured[] = [];
    for (const el of root.querySelectorAll('*')) {
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')
        .map((n) => n.textContent!.trim())
        .join(' ');
      const field =
        (el instanceof HTMLInputElement &&
          ['text', 'search', 'date', 'password', 'number'].includes(el.type) &&
          el.value !== '') ||
        el instanceof HTMLSelectElement ||
        (el instanceof HTMLTextAreaElement && el.value !== '');
      if (own === '' && !field) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible') continue;
      const rect = el.getBoundingClientRect();
      // Not rendered, or visually hidden text for screen readers (1px clipped boxes).
      if (rect.width <= 1 || rect.height <= 1) continue;
      if (el.closest(':disabled')) continue;
      const bg = background(el);
      const fg = parse(style.color);
      const shown = over(fg, bg, fg[3] * opacity(el));
      const [hi, lo] = [luminance(shown), luminance(bg)].sort((a, b) => b - a) as [number, number];
      out.push({
        text: (own || (el as HTMLInputElement).value || '').slice(0, 60),
        element: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
          typeof el.className === 'string' && el.className
            ? `.${el.className.split(' ').join('.')}`
            : ''
        }`,
        color: style.color,
        background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
        ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
      });
    }
    return out;
  });
}

/** Checks one state: enough text found, and none of it under AA. */
async function expectReadable(page: Page, state: string, atLeast: number): Promise<void> {
  const measured = await measure(page);
  expect(measured.length, `text elements found in ${state}`).toBeGreaterThanOrEqual(atLeast);
  const poor = measured.filter((m) => m.ratio < AA);
  expect(poor, `text under ${AA}:1 in ${state}`).toEqual([]);
}

describe('text contrast (WCAG AA)', () => {
  it('holds in the explore, actor, edge, path, article and added-article states', async () => {
    const { page, close } = await session.load();
    await page.click('details.types summary');
    await page.locator('.ranking-list li').first().waitFor();
    await expectReadable(page, 'explore (filters, ranking, export, legend, notes, controls)', 60);
    // The selected row of the ranking.
    await page.locator('.ranking-list li button').nth(1).click();
    await page.locator('.ranking-list li.selected').waitFor();
    await page.locator('.actor-panel').waitFor();
    await expectReadable(page, 'ranking with a selected row', 60);

    await page.check('#color-by-bloc');
    await page.locator('.bloc-list li, .bloc-body .empty').first().waitFor();
    await expectReadable(page, 'legend coloured by bloc', 60);
    await page.uncheck('#color-by-bloc');

    await clickNode(page, 'xi-jinping');
    await page.locator('.actor-panel .roles h3, .actor-panel .roles .empty').first().waitFor();
    await page.locator('.actor-panel .quote mark').first().waitFor();
    await page.locator('.actor-panel .timeline-plot canvas').first().waitFor();
    await page.click('.actor-panel .timeline-table summary');
    await page.mouse.move(5, 400);
    await expectReadable(page, 'actor panel with its timeline', 50);

    await page.locator('.actor-panel .quote').first().click();
    await page.locator('.article-dialog mark.mark-evidence').first().waitFor();
    await expectReadable(page, 'article viewer', 5);
    await page.keyboard.press('Escape');

    const pickers = page.locator('.path-finder input[role=combobox]');
    for (const [i, [text, option]] of [
      ['Kishida', 'Fumio Kishida'],
      ['Kim Jong', 'Kim Jong-un'],
    ].entries()) {
      await page.fill(`#${await pickers.nth(i).getAttribute('id')}`, text!);
      const opt = page.locator('.picker-option', { hasText: option! }).first();
      await opt.waitFor({ state: 'visible' });
      await expectReadable(page, 'actor suggestions', 20);
      await opt.dispatchEvent('mousedown');
    }
    await page.click('#path-go');
    await page.locator('.path-panel .hop .quote mark').first().waitFor();
    await expectReadable(page, 'path panel', 30);

    await fillIngest(page, {
      title: 'Talks in Berlin',
      date: '2023-03-06',
      text:
        'French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. ' +
        'Macron praised Scholz for his support of Ukraine. Russia condemned Germany over the new arms shipments. ' +
        'Scholz urged Chinese President Xi Jinping to play a larger role in ending the war.',
    });
    await page.click('#ingest-preview');
    await page.locator('.preview-events li').first().waitFor();
    // The preview lists events of every polarity the text has, neutral ones included.
    expect(await page.locator('.preview-events li.pol-neutral').count()).toBeGreaterThan(0);
    await expectReadable(page, 'ingest preview', 20);
    await page.click('#ingest-add');
    await page.locator('.added-panel .quote mark').first().waitFor();
    await expectReadable(page, 'added-article summary', 30);
    await close();
  });

  it('holds in the edge panel and in the narrow layout with a drawer open', async () => {
    const edge = await session.load(`?sel=${encodeURIComponent('e:d:xi-jinping>kim-jong-un')}`);
    await edge.page.locator('.edge-panel .quote mark').first().waitFor();
    await edge.page.locator('.edge-panel .timeline-plot canvas').first().waitFor();
    await edge.page.click('.edge-panel .timeline-table summary');
    await expectReadable(edge.page, 'edge panel with the timeline of the pair', 30);
    await edge.close();

    const narrow = await session.load('', { viewport: { width: 800, height: 800 } });
    await narrow.page.click('#toggle-sidebar');
    await narrow.page.locator('#sidebar').waitFor({ state: 'visible' });
    await expectReadable(narrow.page, 'narrow layout, filters drawer', 40);
    await narrow.close();
  });
});
