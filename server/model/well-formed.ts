// Well-formed Unicode: a lone UTF-16 surrogate cannot be stored as UTF-8 without being replaced,
// which would change the text and shift every later offset, so such text is refused, not altered.

/** Index of the first unpaired surrogate code unit in `s`, or -1 when the text is well formed. */
export function loneSurrogateAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/** The reason `s` is refused, or null when it is well formed. */
export function malformedUnicode(s: string): string | null {
  const at = loneSurrogateAt(s);
  if (at < 0) return null;
  const unit = s.charCodeAt(at).toString(16).toUpperCase();
  return `has an unpaired UTF-16 surrogate (\\u${unit}) at position ${at}; send well-formed Unicode`;
}
