// An article's url is stored only when it is an http(s) URL: other schemes and their disguises
// (mixed case, leading spaces or control characters, entities, tabs inside the scheme) are refused
// with 400 naming the field, by the API and by article files alike, and nothing is stored.
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ArticleError, parseArticle } from '../../server/ingest/index.ts';
import { articleText, testApp } from './setup.ts';

const t = await testApp(['one']);
const app = createApp({
  store: t.store,
  graph: t.graph,
  clientDir: '/nonexistent',
  log: (...a) => t.errors.push(a),
  security: { ingestRate: null },
});

afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

const REFUSED = [
  'javascript:alert(1)',
  'JavaScript:alert(document.domain)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  '\tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript&#58;alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'VBScript:MsgBox(1)',
  'file:///etc/passwd',
  'ftp://files.example.org/report.txt',
  '//evil.example/path',
  'http:/\\evil.example',
  'https:evil.example',
  ' https://news.example.org/a',
  'https://news.example.org/a b',
  'https://',
  'not a url',
];

describe('article url scheme', () => {
  it.each(REFUSED)('refuses %j with 400 and stores nothing', async (url) => {
    const before = await t.store.counts();
    for (const path of ['/api/documents', '/api/extract']) {
      const res = await request(app)
        .post(path)
        .send({ text: articleText('url check'), url })
        .expect(400);
      expect(res.body.error.code).toBe('invalid_article');
      expect(res.body.error.message).toMatch(/^body field "url": only http:\/\/ and https:\/\//);
    }
    expect((await t.store.counts()).documents).toBe(before.documents);
  });

  it('stores an http or https url exactly as posted', async () => {
    const url = 'HTTPS://News.Example.org/2024/05/talks?id=7#lead';
    const res = await request(app)
      .post('/api/documents')
      .send({ text: articleText('accepted link'), url })
      .expect(201);
    const doc = await request(app).get(`/api/documents/${res.body.id}`).expect(200);
    expect(doc.body.document.url).toBe(url);
  });

  it('refuses the same spellings in article files', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', '&#106;avascript:x']) {
      const file = `---\ntitle: Talks\nurl: "${url}"\n---\n${articleText('file')}`;
      expect(() => parseArticle(file), url).toThrow(ArticleError);
      try {
        parseArticle(file);
      } catch (error) {
        expect((error as ArticleError).code).toBe('bad-url');
        expect((error as ArticleError).field).toBe('url');
      }
    }
    const ok = parseArticle(`---\nurl: http://wire.example.net/x\n---\n${articleText('file')}`);
    expect(ok.url).toBe('http://wire.example.net/x');
  });
});
