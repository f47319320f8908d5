// The coreference stage's public face: descriptions ("the minister", "the regional bloc", "the
// Chilean side"), third-person pronouns, then roles a pronoun possesses ("its foreign minister"),
// resolved on the parse against the actor stage's mentions and the name finder's other names.
import type { ActorAnalysis, Mention, Sentence } from '../types.ts';
import type { Gazetteer } from '../gazetteer.ts';
import { normKey } from '../names.ts';
import { resolvePronouns, type Candidate } from './resolve.ts';
import { describedMentions, type HeldRole } from './descriptions.ts';

export { resolvePronouns, type Candidate, type PronounLink } from './resolve.ts';
export { describedMentions, type HeldRole } from './descriptions.ts';

const MALE =
  /\b(?:mr|king|prince|emperor|sultan|emir|sheikh|spokesman|chairman|congressman|pope)\.?\s+$/i;
const FEMALE =
  /\b(?:ms|mrs|miss|madam|queen|princess|empress|spokeswoman|chairwoman|congresswoman)\.?\s+$/i;

const MALE_WORD =
  /\b(?:Mr|King|Prince|Emperor|Sultan|Emir|Sheikh|[Ss]pokesman|[Cc]hairman|[Cc]ongressman)\b/;
const FEMALE_WORD =
  /\b(?:Ms|Mrs|Queen|Princess|Empress|[Ss]pokeswoman|[Cc]hairwoman|[Cc]ongresswoman)\b/;

/** The gender a title right before a person's name states ("Mr. Ochieng", "Queen Rania"). */
function statedGender(text: string, start: number, end: number): 'm' | 'f' | null {
  const before = text.slice(Math.max(0, start - 20), start);
  const inside = text.slice(start, end);
  if (MALE.test(before) || MALE_WORD.test(inside)) return 'm';
  if (FEMALE.test(before) || FEMALE_WORD.test(inside)) return 'f';
  return null;
}

const ARGUMENT = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj']);

/** A test of whether [start, end) overlaps any of the mentions, in logarithmic time. */
function coverage(mentions: Mention[]): (start: number, end: number) => boolean {
  const sorted = [...mentions].sort((a, b) => a.end - b.end);
  // Mentions never overlap, so sorted by end they are sorted by start too.
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo]!.start < end;
  };
}

/**
 * What a pronoun can refer back to: every actor mention named outright (not a pronoun, not a
 * demonym modifying a noun), and every person or organization the name finder found that is not
 * an actor, so "a farmer, Jane Doe ... she" never goes to an official named earlier.
 */
export function candidatesOf(
  text: string,
  sentences: Sentence[],
  analysis: Pick<ActorAnalysis, 'actors' | 'mentions'>,
): Candidate[] {
  const out: Candidate[] = [];
  for (const m of analysis.mentions) {
    if (m.via === 'pronoun' || m.attributive || m.place) continue;
    const kind = analysis.actors.get(m.actor)?.kind;
    if (!kind) continue;
    const c: Candidate = {
      actor: m.actor,
      kind,
      start: m.start,
      end: m.end,
      sentence: m.sentence,
    };
    const gender = kind === 'person' ? statedGender(text, m.start, m.end) : null;
    if (gender) c.gender = gender;
    out.push(c);
  }
  const covered = coverage(analysis.mentions);
  for (const s of sentences) {
    // Common nouns in argument roles compete for "it" and "they" ("the report ... it", "the
    // parents ... they"), so those pronouns go to a body only when it is the likelier antecedent.
    s.tokens.forEach((t) => {
      if (t.xpos !== 'NN' && t.xpos !== 'NNS') return;
      if (!ARGUMENT.has(t.deprel) || covered(t.start, t.end)) return;
      out.push({
        actor: null,
        kind: t.xpos === 'NNS' ? 'group' : 'thing',
        key: `common:${t.lemma}`,
        start: t.start,
        end: t.end,
        sentence: s.index,
      });
    });
    for (const n of s.names) {
      if (n.label !== 'person' && n.label !== 'organization') continue;
      if (covered(n.start, n.end)) continue;
      out.push({
        actor: null,
        kind: n.label,
        key: normKey(text.slice(n.start, n.end)),
        start: n.start,
        end: n.end,
        sentence: s.index,
      });
    }
  }
  return out;
}

/** Pronoun mentions of actors, for pronouns no other mention covers. */
export function pronounMentions(
  text: string,
  sentences: Sentence[],
  analysis: Pick<ActorAnalysis, 'actors' | 'mentions'>,
): Mention[] {
  const taken = coverage(analysis.mentions);
  const out: Mention[] = [];
  for (const link of resolvePronouns(sentences, candidatesOf(text, sentences, analysis))) {
    const actor = link.antecedent.actor;
    if (!actor) continue;
    if (taken(link.start, link.end)) continue;
    out.push({ actor, start: link.start, end: link.end, sentence: link.sentence, via: 'pronoun' });
  }
  return out;
}

const byStart = (a: Mention, b: Mention): number => a.start - b.start || a.end - b.end;

/**
 * The article's mentions after coreference: the actor stage's (sorted, never overlapping), with
 * descriptions resolved (taking in the modifiers they are built on), then pronouns.
 */
export function resolveCoreference(
  text: string,
  sentences: Sentence[],
  analysis: Pick<ActorAnalysis, 'actors' | 'mentions'>,
  gaz: Gazetteer,
  published: string | null,
  rolesOf: (person: string) => HeldRole[],
): Mention[] {
  const describe = (mentions: Mention[], pronounPossessors: boolean): Mention[] => {
    const found = describedMentions({
      text,
      sentences,
      actors: analysis.actors,
      mentions,
      rolesOf,
      gaz,
      published,
      pronounPossessors,
    });
    for (const a of found.actors) analysis.actors.set(a.id, a);
    return [...mentions.filter((m) => !found.replaced.has(m)), ...found.added].sort(byStart);
  };
  const named = describe(analysis.mentions, false);
  const pronouns = pronounMentions(text, sentences, { actors: analysis.actors, mentions: named });
  // "its foreign minister": a role whose possessor is a pronoun, once the pronoun is resolved.
  return describe([...named, ...pronouns].sort(byStart), true);
}
