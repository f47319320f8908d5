// The places an article names that no actor mention overlaps ("strikes in Syria" keeps Syria as
// a place only where no mention claims the words). Mentions come sorted by start: a binary search
// on the starts and the largest end among the mentions before answer each place in log time, where
// testing every mention made a long article quadratic.
import type { Mention } from '../types.ts';

/** The places no mention overlaps, in their order; `mentions` sorted by start. */
export function placesApart(places: Mention[], mentions: readonly Mention[]): Mention[] {
  // ends[k]: the largest end among mentions[0..k]
  const ends = new Int32Array(mentions.length);
  let most = -1;
  for (let k = 0; k < mentions.length; k++) ends[k] = most = Math.max(most, mentions[k]!.end);
  return places.filter((p) => {
    // how many mentions start before the place ends
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (mentions[mid]!.start < p.end) lo = mid + 1;
      else hi = mid;
    }
    return !(lo > 0 && ends[lo - 1]! > p.start);
  });
}
