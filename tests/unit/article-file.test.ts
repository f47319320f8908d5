// Article files: front matter, JSON, quoted values, published-date normalisation and clear errors.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticleFile, parseArticle } from '../../server/ingest/article-file.ts';
import { ArticleError, type ArticleErrorCode } from '../../server/ingest/article-error.ts';
import { MAX_ARTICLE_CHARS } from '../../server/ingest/article-checks.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'articles');

function codeOf(fn: () => unknown): ArticleErrorCode | 'none' {
  try {
    fn();
    return 'none';
  } catch (error) {
    if (error instanceof ArticleError) return error.code;
    throw error;
  }
}

const ENGLISH =
  'The foreign minister said on Monday that the talks with the neighbouring state had been ' +
  'useful, and that both sides would meet again in the spring to discuss trade and security.';

describe('parseArticle', () => {
  it('reads plain text as the body with no metadata', () => {
    expect(parseArticle(ENGLISH)).toEqual({
      text: ENGLISH,
      title: null,
      published: null,
      source: null,
      url: null,
    });
  });

  it('reads front matter with quoted and unquoted values; the body is what follows', () => {
    const content = [
      '---',
      'title: "Talks: a new start"',
      "source: 'Example Wire'",
      'published: 2022-11-26',
      'url: https://example.org/a',
      'author: ignored',
      '---',
      ENGLISH,
    ].join('\n');
    const article = parseArticle(content);
    expect(article).toEqual({
      text: ENGLISH,
      title: 'Talks: a new start',
      published: '2022-11-26',
      source: 'Example Wire',
      url: 'https://example.org/a',
    });
  });

  it('keeps the body exactly as given, including CRLF line ends after the front matter', () => {
    const body = 'Line one of the report.\r\n\r\nLine two of the report.\r\n';
    const article = parseArticle(`---\r\ntitle: CRLF\r\n---\r\n${body}`);
    expect(article.text).toBe(body);
    expect(article.title).toBe('CRLF');
  });

  it.each([
    ['2022-11-26', '2022-11-26'],
    ['"2022-11-26"', '2022-11-26'],
    ['2022-11-26T23:30:00+05:00', '2022-11-26'],
    ['2022/3/7', '2022-03-07'],
    ['"26 November 2022"', '2022-11-26'],
    ['"Nov. 26, 2022"', '2022-11-26'],
    ['2022-11', '2022-11'],
  ])('normalises published %s to %s', (raw, expected) => {
    const article = parseArticle(`---\npublished: ${raw}\n---\n${ENGLISH}`);
    expect(article.published).toBe(expected);
  });

  it.each(['2022-02-30', '2022-13-01', 'next week', '"sometime"', '"32 November 2022"'])(
    'refuses the bad published date %s',
    (raw) => {
      expect(codeOf(() => parseArticle(`---\npublished: ${raw}\n---\n${ENGLISH}`))).toBe(
        'bad-date',
      );
    },
  );

  it('reads a JSON article by file name or by its opening brace', () => {
    const json = JSON.stringify({ text: ENGLISH, title: 'T', published: '2020-01-05', url: null });
    const expected = {
      text: ENGLISH,
      title: 'T',
      published: '2020-01-05',
      source: null,
      url: null,
    };
    expect(parseArticle(json, 'a.json')).toEqual(expected);
    expect(parseArticle(`  ${json}`)).toEqual(expected);
  });

  it.each([
    ['{"title": "no text"}', 'bad-json'],
    ['{"text": 42}', 'bad-json'],
    ['{not json', 'bad-json'],
    ['[1, 2]', 'bad-json'],
    ['{"text": "Lagos and Accra signed \\ud800 a pact."}', 'malformed-text'],
  ] as const)('refuses the JSON %s', (content, code) => {
    expect(codeOf(() => parseArticle(content, 'x.json'))).toBe(code);
  });

  it.each([
    ['', 'empty'],
    ['   \n\t\n', 'empty'],
    ['---\ntitle: only front matter\n---\n  \n', 'empty'],
    ['---\ntitle: never closed\nThe body starts here.', 'bad-front-matter'],
    ['---\ntitle: [unclosed\n---\nBody.', 'bad-front-matter'],
    ['---\n- a list\n- not a map\n---\nBody.', 'bad-front-matter'],
    [`Report\u0000\u0001\u0002 data`, 'binary'],
    ['\uFFFD'.repeat(30) + ENGLISH, 'binary'],
  ] as const)('refuses unusable input (%#) with %s', (content, code) => {
    expect(codeOf(() => parseArticle(content))).toBe(code);
  });

  it('refuses text over the size limit and accepts 5 MB', () => {
    const sentence = 'The minister said the talks with the delegation would continue. ';
    const fiveMb = sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length));
    expect(codeOf(() => parseArticle(fiveMb))).toBe('none');
    const tooLarge = sentence.repeat(Math.ceil((MAX_ARTICLE_CHARS + 10) / sentence.length));
    expect(codeOf(() => parseArticle(tooLarge))).toBe('too-large');
  });

  it('refuses long non-English text but not short or English text', () => {
    const german =
      'Die Bundesregierung kritisierte gestern scharf die Entscheidung Moskaus, neue Truppen ' +
      'an die Grenze zu verlegen. Außenministerin erklärte, Deutschland werde gemeinsam mit ' +
      'seinen Partnern über weitere Sanktionen beraten. Kremlsprecher wies Vorwürfe zurück und ' +
      'sprach von einer Provokation westlicher Staaten gegen Russland. Beobachter erwarten ' +
      'deshalb schwierige Gespräche beim nächsten Gipfeltreffen der Außenminister in Brüssel.';
    const chinese =
      '中国外交部发言人周一表示，中方坚决反对美方对台湾的军售，并敦促美方停止错误做法。'.repeat(5);
    expect(codeOf(() => parseArticle(german))).toBe('not-english');
    expect(codeOf(() => parseArticle(chinese))).toBe('not-english');
    expect(codeOf(() => parseArticle('Die Regierung kritisierte Moskau.'))).toBe('none');
    expect(codeOf(() => parseArticle(ENGLISH.repeat(3)))).toBe('none');
  });

  it('accepts HTML pasted as text (the extractor copes with it)', () => {
    const html = `<html><body><p>${ENGLISH}</p><script>var x = 1;</script></body></html>`;
    expect(parseArticle(html).text).toBe(html);
  });
});

describe('loadArticleFile', () => {
  it('loads the fixtures', async () => {
    const summit = await loadArticleFile(path.join(FIXTURES, 'summit.txt'));
    expect(summit.title).toBe('Leaders pledge closer ties at harbour summit');
    expect(summit.source).toBe('Fixture Wire');
    expect(summit.published).toBe('2023-03-18');
    expect(summit.text.startsWith('Japanese Prime Minister')).toBe(true);
    const sanctions = await loadArticleFile(path.join(FIXTURES, 'sanctions.json'));
    expect(sanctions.published).toBe('2023-04-02');
    expect(sanctions.text).toContain('\n\nTehran');
  });

  it('reports binary, missing and folder paths with codes', async () => {
    const dir = tempDir('sg-article-');
    const bin = path.join(dir, 'image.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
    await expect(loadArticleFile(bin)).rejects.toMatchObject({ code: 'binary' });
    await expect(loadArticleFile(path.join(dir, 'missing.txt'))).rejects.toMatchObject({
      code: 'unreadable',
    });
    await expect(loadArticleFile(dir)).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('strips a UTF-8 byte-order mark before the front matter', async () => {
    const dir = tempDir('sg-article-');
    const file = path.join(dir, 'bom.txt');
    writeFileSync(file, `\uFEFF---\ntitle: BOM\n---\n${ENGLISH}`);
    const article = await loadArticleFile(file);
    expect(article.title).toBe('BOM');
    expect(article.text).toBe(ENGLISH);
  });
});
