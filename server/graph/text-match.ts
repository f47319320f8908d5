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
 * distance is <= 1. One pass, no allocation.
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

/**
 * Every string one edit from `term` (a deletion, a swap of neighbours, or a substitution or insertion
 * of one of `letters`), code unit by code unit; may repeat a string. With the letters of the indexed
 * names this is all a typo lookup needs: a string using any other letter cannot start a token.
 */
export function oneEditNeighbours(term: string, letters: Iterable<string>): string[] {
  const alphabet = [...letters];
  const out: string[] = [];
  const n = term.length;
  for (let i = 0; i < n; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  for (let i = 0; i + 1 < n; i++) {
    if (term[i] !== term[i + 1]) {
      out.push(term.slice(0, i) + term[i + 1]! + term[i]! + term.slice(i + 2));
    }
  }
  for (let i = 0; i <= n; i++) {
    const head = term.slice(0, i);
    for (const c of alphabet) {
      out.push(head + c + term.slice(i));
      if (i < n && c !== term[i]) out.push(head + c + term.slice(i + 1));
    }
  }
  return out;
}
