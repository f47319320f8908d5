// Source links: only an http(s) URL becomes a link; any other stored value (an old row, an
// imported file's column) is shown as plain text, so no stored string can become a script link.

/** An http(s) URL, or null: only those become links. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  // The value must start with the scheme itself: browsers strip leading spaces and control
  // characters before reading a scheme, so " javascript:" must not be judged by URL() alone.
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** How a document's source is shown: a link for http(s), the value as text otherwise. */
export type SourceLink = { kind: 'link'; href: string } | { kind: 'text'; text: string };

export function sourceLink(url: string | null | undefined): SourceLink | null {
  if (!url) return null;
  const href = safeUrl(url);
  return href ? { kind: 'link', href } : { kind: 'text', text: url };
}
