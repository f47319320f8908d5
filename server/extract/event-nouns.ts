// Events named by nouns, as raw events: requests ("X's call for Y to ..."), answered charges
// ("X denied accusations from Y") and nominal acts ("a meeting between X and Y").
import { findNominals } from './event-nominal.ts';
import { mentionOf, push, settleMode, type Ctx } from './event-raw.ts';
import { answeredCharges, nominalRequests } from './event-request.ts';
import { modeAt, requestPolarity } from './modes.ts';

/** `consumed` marks the units verb predicates took, which nominal rules leave alone. */
export function nounEvents(ctx: Ctx, consumed: Uint8Array): void {
  const { su, lex } = ctx;
  const { units } = su;
  for (const r of nominalRequests(su, lex, consumed)) {
    push(ctx, mentionOf(su, r.source), mentionOf(su, r.target), {
      type: 'REQUEST',
      mode: modeAt(units, r.at, r.at + 1),
      at: r.at,
      symmetric: false,
      base: 0.8,
      spanFrom: Math.min(r.at, r.source, r.target),
      spanTo: Math.max(r.after, r.source + 1),
      polarity: requestPolarity(units, r.after, lex.cues.stop),
    });
  }
  for (const r of answeredCharges(su, lex)) {
    push(ctx, mentionOf(su, r.source), mentionOf(su, r.target), {
      type: 'ACCUSE',
      mode: null,
      at: r.at,
      symmetric: false,
      base: 0.76,
      spanFrom: Math.min(r.at, r.source, r.target),
      spanTo: Math.max(r.after, r.source + 1),
      ploverMode: 'allege',
    });
    // The denial itself is the subject's rejection of the accuser's claim.
    const [type, mode] = settleMode('REJECT', modeAt(units, r.at, r.at + 1));
    push(ctx, mentionOf(su, r.target), mentionOf(su, r.source), {
      type,
      mode,
      at: r.at,
      symmetric: false,
      base: 0.74,
      spanFrom: Math.min(r.at, r.source, r.target),
      spanTo: Math.max(r.after, r.source + 1),
    });
  }

  for (const n of findNominals(su, lex, consumed)) {
    const mode = modeAt(units, n.at, n.end);
    const [type, m] = settleMode(n.entry.type, mode);
    for (const s of n.sources)
      for (const t of n.targets) {
        if (s === t) continue;
        push(ctx, mentionOf(su, s), mentionOf(su, t), {
          type,
          mode: m,
          at: n.at,
          symmetric: n.entry.symmetric,
          base: n.direct ? 0.78 : 0.68,
          spanFrom: Math.min(n.at, s, t),
          spanTo: Math.max(n.end, s + 1, t + 1),
          ...(n.entry.ploverMode ? { ploverMode: n.entry.ploverMode } : {}),
        });
      }
  }
}
