// The state of scanning one sentence for actors, shared by the recognisers of this folder.
import type { ActorContext } from './context.ts';
import { keysOf, type Word } from './words.ts';
import type { PhraseEntry } from '../gazetteer.ts';
import type { MentionVia, Token } from '../types.ts';
import { noteKnownRoles } from './role-references.ts';

export class Scan {
  readonly keys: string[];
  readonly surfs: string[];
  /** A state whose possessive or demonym just preceded: "Pyongyang's Korean Central News Agency". */
  qualifier: { id: string; at: number } | null = null;
  /** Tree nodes of the states and capitals read as places, for the names that continue them. */
  readonly placeNodes = new Set<number>();

  constructor(
    readonly ctx: ActorContext,
    readonly words: Word[],
    readonly index: number,
    readonly known: Set<string>,
    readonly counts: Map<string, number>,
    /** The sentence's parser tokens; `Word.tok` indexes them. */
    readonly tokens: Token[],
  ) {
    ({ keys: this.keys, surfs: this.surfs } = keysOf(words));
  }

  /** The parser token of word `i`. */
  token(i: number): Token | undefined {
    const w = this.words[i];
    return w ? this.tokens[w.tok] : undefined;
  }
  /** Text offset where word `i` starts. */
  start(i: number): number {
    return this.words[i]!.start;
  }
  /** Text offset where the span ending before word `i` ends. */
  end(i: number): number {
    return this.words[i - 1]!.end;
  }
}

export function viaOf(e: PhraseEntry): MentionVia {
  if (e.via === 'capital') return 'metonym';
  return e.via;
}

/** A person referred to by a role of `of` over words `i`..`end`: both actors, the affiliation, the mention. */
export function roleHolder(
  scan: Scan,
  person: string,
  of: string,
  role: string,
  span: { i: number; end: number; via: MentionVia },
): number {
  const { ctx } = scan;
  ctx.addKnown(person);
  noteKnownRoles(ctx, person);
  ctx.addKnown(of);
  ctx.addAffiliation(person, of, role, scan.start(span.i), scan.end(span.end));
  ctx.mention(person, scan.start(span.i), scan.end(span.end), scan.index, span.via);
  return span.end;
}
