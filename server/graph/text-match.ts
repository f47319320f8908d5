// Name normalization and the one-edit test for actor search (case-, accent- and typo-tolerant).

/** Lower case, accents stripped, punctuation folded to single spaces. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** a[from..) equals b[from + shift..bEnd), compared code unit by code unit. */
function sameTail(a: string, from: number, b: string, shift: number, bEnd: number): boolean {
  if (a.length - from !== bEnd - from - shift) return false;
  for (let k = from; k < a.length; k++) {
    if (a.charCodeAt(k) !== b.charCodeAt(k + shift)) return false;
  }
  return true;
}

/**
 * Whether `a` and the first `bEnd` code units of `b` are at most one edit apart (an insertion, a
 * deletion, a substitution or the swap of two neighbouring letters): the optimal string alignment
 * distance is <= 1. One pass, no allocation, so a search can test every actor name.
 */
export function withinOneEdit(a: string, b: string, bEnd = b.length): boolean {
  const n = a.length;
  const m = Math.min(bEnd, b.length);
  if (n - m > 1 || m - n > 1) return false;
  let i = 0;
  while (i < n && i < m && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n || i === m) return Math.abs(n - m) <= 1;
  if (n === m) {
    // A substitution at i, or a swap of i and i+1.
    if (sameTail(a, i + 1, b, 0, m)) return true;
    return (
      i + 1 < n &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      sameTail(a, i + 2, b, 0, m)
    );
  }
  // One letter more in b (skip it at i) or in a (skip it at i).
  if (m > n) return sameTail(a, i, b, 1, m);
  return sameTail(b.slice(0, m), i, a, 1, n);
}
