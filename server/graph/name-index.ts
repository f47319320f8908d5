// The normalised names of every actor (name, aliases and id), kept up to date as documents come and
// go, so a search normalises only its query. Beside each actor's forms it keeps a token index: every
// distinct token in code-unit order with the actors that carry it, so a search finds its candidates
// by binary-search prefix lookup (and one-edit neighbours of the query) instead of reading every name.
import type { ActorKind } from '../model/index.ts';
import { normalizeName, oneEditNeighbours } from './text-match.ts';

/** One searchable form of an actor: the text shown, its normalised tokens and its rank penalty. */
export interface NameForm {
  text: string;
  normalized: string;
  tokens: string[];
  /** Subtracted from the match score: 0 for the name, 5 for an alias, 10 for the id. */
  penalty: number;
}

interface Entry {
  kind: ActorKind;
  name: string;
  aliases: readonly string[];
  forms: NameForm[];
  /** The distinct non-empty tokens of all forms. */
  tokens: string[];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

function form(text: string, penalty: number): NameForm {
  const normalized = normalizeName(text);
  return { text, normalized, tokens: normalized.split(' '), penalty };
}

/** The first index in the sorted array whose token is not below `key` (code-unit order). */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class ActorNameIndex {
  private readonly entries = new Map<string, Entry>();
  /** Each token with the actors whose forms contain it. */
  private readonly postings = new Map<string, Set<string>>();
  /**
   * The keys of `postings`, in code-unit order, once the pending changes are merged in: tokens
   * that came or went since the last lookup wait in the two sets, so filling the index costs one
   * sort instead of one insertion into a long array per token.
   */
  private sorted: string[] = [];
  private readonly pendingAdd = new Set<string>();
  private readonly pendingDelete = new Set<string>();
  /** Each code unit found in a token, with how many tokens hold it: the alphabet for typo lookups. */
  private readonly letters = new Map<string, number>();

  /** Records (or refreshes) an actor's forms; unchanged names and aliases are not normalised again. */
  set(id: string, actor: { kind: ActorKind; name: string; aliases: readonly string[] }): void {
    const known = this.entries.get(id);
    if (
      known &&
      known.kind === actor.kind &&
      known.name === actor.name &&
      sameList(known.aliases, actor.aliases)
    ) {
      return;
    }
    if (known) this.unlink(id, known.tokens);
    const forms = [
      form(actor.name, 0),
      ...actor.aliases.map((a) => form(a, 5)),
      form(id.replace(/-/g, ' '), 10),
    ];
    const tokens = [...new Set(forms.flatMap((f) => f.tokens))].filter((t) => t !== '');
    this.entries.set(id, {
      kind: actor.kind,
      name: actor.name,
      aliases: [...actor.aliases],
      forms,
      tokens,
    });
    for (const token of tokens) {
      let ids = this.postings.get(token);
      if (!ids) {
        ids = new Set();
        this.postings.set(token, ids);
        if (!this.pendingDelete.delete(token)) this.pendingAdd.add(token);
        for (let k = 0; k < token.length; k++) {
          const c = token[k]!;
          this.letters.set(c, (this.letters.get(c) ?? 0) + 1);
        }
      }
      ids.add(id);
    }
  }

  delete(id: string): void {
    const known = this.entries.get(id);
    if (!known) return;
    this.unlink(id, known.tokens);
    this.entries.delete(id);
  }

  private unlink(id: string, tokens: readonly string[]): void {
    for (const token of tokens) {
      const ids = this.postings.get(token)!;
      ids.delete(id);
      if (ids.size > 0) continue;
      this.postings.delete(token);
      if (!this.pendingAdd.delete(token)) this.pendingDelete.add(token);
      for (let k = 0; k < token.length; k++) {
        const c = token[k]!;
        const n = this.letters.get(c)! - 1;
        if (n === 0) this.letters.delete(c);
        else this.letters.set(c, n);
      }
    }
  }

  /** Merges the tokens that came and went since the last lookup into `sorted`. */
  private settle(): string[] {
    if (this.pendingAdd.size === 0 && this.pendingDelete.size === 0) return this.sorted;
    // Array.prototype.sort without a comparator orders strings by UTF-16 code units.
    const added = [...this.pendingAdd].sort();
    const kept = this.sorted;
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < kept.length || j < added.length) {
      if (j === added.length || (i < kept.length && kept[i]! < added[j]!)) {
        const token = kept[i++]!;
        if (!this.pendingDelete.has(token)) merged.push(token);
      } else {
        merged.push(added[j++]!);
      }
    }
    this.pendingAdd.clear();
    this.pendingDelete.clear();
    this.sorted = merged;
    return merged;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Each actor id with its kind and forms, in no particular order. */
  entriesOf(): IterableIterator<[string, { kind: ActorKind; forms: readonly NameForm[] }]> {
    return this.entries.entries();
  }

  /** An actor's kind and forms, if it is known. */
  get(id: string): { kind: ActorKind; forms: readonly NameForm[] } | undefined {
    return this.entries.get(id);
  }

  /** Adds to `out` the actors holding a token that starts with `prefix`. */
  private withPrefix(prefix: string, out: Set<string>): void {
    const sorted = this.settle();
    for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
      const token = sorted[i]!;
      if (!token.startsWith(prefix)) break;
      for (const id of this.postings.get(token)!) out.add(id);
    }
  }

  /**
   * The actors with a token that starts with `term` or, when `typos`, a token that is one edit from
   * `term` or whose first `term.length` or `term.length + 1` code units are: every actor that can
   * match the term, found through the token index (a superset the caller scores).
   */
  candidates(term: string, typos: boolean): Set<string> {
    const out = new Set<string>();
    this.withPrefix(term, out);
    if (!typos) return out;
    for (const near of oneEditNeighbours(term, this.letters.keys())) {
      if (near.length >= term.length) this.withPrefix(near, out);
      else for (const id of this.postings.get(near) ?? []) out.add(id);
    }
    return out;
  }

  /** The token index in a canonical form (sorted tokens, sorted actor ids), for comparisons. */
  snapshot(): [token: string, actors: string[]][] {
    return this.settle().map((t) => [t, [...this.postings.get(t)!].sort()]);
  }
}
