// Reads an article file: plain text with an optional YAML front-matter block, or a JSON object.
import { readFile, stat } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ArticleInput } from '../extract/index.ts';
import { ArticleError } from './article-error.ts';
import { MAX_ARTICLE_BYTES, checkArticleText } from './article-checks.ts';
import { checkArticleUrl } from './article-url.ts';
import { normalisePublished } from './published-date.ts';

const MetaValue = z
  .union([z.string(), z.number(), z.date(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? null : v));

const FrontMatter = z.object({
  title: MetaValue,
  published: MetaValue,
  source: MetaValue,
  url: MetaValue,
});

const JsonArticle = FrontMatter.extend({ text: z.string() });

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function text(value: string | number | Date | null): string | null {
  if (value === null) return null;
  const s = (value instanceof Date ? value.toISOString() : String(value)).trim();
  return s === '' ? null : s;
}

function article(body: string, meta: z.infer<typeof FrontMatter>): ArticleInput {
  checkArticleText(body);
  const url = text(meta.url);
  checkArticleUrl(url);
  return {
    text: body,
    title: text(meta.title),
    published: normalisePublished(meta.published),
    source: text(meta.source),
    url,
  };
}

function parseJson(content: string): ArticleInput {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    throw new ArticleError('bad-json', `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = JsonArticle.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the document';
    throw new ArticleError(
      'bad-json',
      `JSON article must be an object with a "text" string (${where}: ${issue?.message ?? 'invalid'})`,
    );
  }
  return article(parsed.data.text, parsed.data);
}

function parseFrontMatter(content: string): ArticleInput {
  const match = FRONT_MATTER.exec(content);
  if (!match) {
    throw new ArticleError('bad-front-matter', 'front matter opened with "---" is never closed');
  }
  let value: unknown;
  try {
    value = parseYaml(match[1]!) ?? {};
  } catch (error) {
    throw new ArticleError(
      'bad-front-matter',
      `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const parsed = FrontMatter.safeParse(value);
  if (!parsed.success) {
    throw new ArticleError(
      'bad-front-matter',
      'front matter must be "key: value" lines (title, published, source, url)',
    );
  }
  return article(content.slice(match[0].length), parsed.data);
}

/**
 * Parses an article file's content. The body is the text after any front matter, exactly as
 * given, so extraction offsets point into it. Throws ArticleError with a code on unusable input.
 */
export function parseArticle(content: string, filename?: string): ArticleInput {
  const body = content.startsWith('\uFEFF') ? content.slice(1) : content;
  if (filename?.toLowerCase().endsWith('.json') || body.trimStart().startsWith('{')) {
    return parseJson(body);
  }
  if (/^---[ \t]*\r?\n/.test(body)) return parseFrontMatter(body);
  return article(body, { title: null, published: null, source: null, url: null });
}

/** Reads and parses one article file; refuses files too large to be an article before reading. */
export async function loadArticleFile(file: string): Promise<ArticleInput> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ArticleError('unreadable', `${file} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof ArticleError) throw error;
    throw new ArticleError('unreadable', `cannot read ${file}: ${(error as Error).message}`);
  }
  if (size > MAX_ARTICLE_BYTES) {
    throw new ArticleError('too-large', `file is ${size} bytes; the limit is ${MAX_ARTICLE_BYTES}`);
  }
  const buffer = await readFile(file);
  if (buffer.includes(0)) {
    throw new ArticleError('binary', 'the file holds binary data (NUL bytes), not text');
  }
  return parseArticle(buffer.toString('utf8'), file);
}
