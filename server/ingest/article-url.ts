// An article's source link is stored only when it is a plain http(s) URL, so a stored value can
// never become a javascript:, data: or vbscript: link, however it is spelled.
import { ArticleError } from './article-error.ts';

// The scheme must open the value exactly: no leading spaces or control characters (browsers strip
// them before reading the scheme), no entities, and no whitespace or control characters anywhere
// (browsers drop tabs and newlines inside a scheme: "java\tscript:").
// eslint-disable-next-line no-control-regex
const HTTP_URL = /^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060\\]+$/i;

/** Why `url` cannot be stored as an article's link, or null when it is an http(s) URL. */
export function urlProblem(url: string): string | null {
  if (!HTTP_URL.test(url) || !URL.canParse(url)) {
    const shown = url.length > 60 ? `${url.slice(0, 60)}...` : url;
    return `only http:// and https:// URLs are accepted (no other scheme, spaces or control characters), got ${JSON.stringify(shown)}`;
  }
  const parsed = new URL(url);
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    return `an http(s) URL needs a host name, got ${JSON.stringify(url.slice(0, 60))}`;
  }
  return null;
}

/** Throws ArticleError (field "url") unless the url is absent or an http(s) URL. */
export function checkArticleUrl(url: string | null | undefined): void {
  if (url === null || url === undefined) return;
  const problem = urlProblem(url);
  if (problem) throw new ArticleError('bad-url', problem, 'url');
}
