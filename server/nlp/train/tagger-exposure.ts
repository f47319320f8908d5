// The tagger's UPOS accuracy split by how often each word form occurs in the training text:
// forms never seen, forms seen once, and the rest. Unseen and once-seen forms are where the
// context and shape features must carry the tag; printed in the tagger's training log.
import type { Tagger } from '../tagger/index.ts';

export interface ExposureScores {
  /** UPOS accuracy (percent) and word count for forms seen 0 times, once, and more often. */
  unseen: { upos: number; words: number };
  once: { upos: number; words: number };
  seen: { upos: number; words: number };
}

/** Counts each exact word form in the training sentences. */
export function formCounts(train: readonly { words: readonly string[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of train) for (const w of s.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** UPOS accuracy of `tagger` on `gold`, split by each form's count in the training text. */
export function evaluateTaggerByExposure(
  gold: readonly { words: string[]; upos: string[] }[],
  tagger: Tagger,
  counts: ReadonlyMap<string, number>,
): ExposureScores {
  const words = [0, 0, 0];
  const right = [0, 0, 0];
  for (const g of gold) {
    const r = tagger.tag(g.words);
    for (let i = 0; i < g.words.length; i++) {
      const c = counts.get(g.words[i]) ?? 0;
      const b = c === 0 ? 0 : c === 1 ? 1 : 2;
      words[b]++;
      if (r.upos[i] === g.upos[i]) right[b]++;
    }
  }
  const part = (b: number): { upos: number; words: number } => ({
    upos: words[b] === 0 ? 0 : (100 * right[b]) / words[b],
    words: words[b],
  });
  return { unseen: part(0), once: part(1), seen: part(2) };
}

/** One line: "unseen 81.6 (1,234 words), once 90.1 (567), seen 96.0 (23,456)". */
export function formatExposure(s: ExposureScores): string {
  const f = (p: { upos: number; words: number }): string =>
    `${p.upos.toFixed(2)} (${p.words.toLocaleString('en-US')})`;
  return `unseen ${f(s.unseen)}, once ${f(s.once)}, seen ${f(s.seen)}`;
}
