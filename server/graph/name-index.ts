// The normalised names of every actor (name, aliases and id), kept up to date as documents come and
// go, so a search normalises only its query.
import type { ActorKind } from '../model/index.ts';
import { normalizeName } from './text-match.ts';

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
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

function form(text: string, penalty: number): NameForm {
  const normalized = normalizeName(text);
  return { text, normalized, tokens: normalized.split(' '), penalty };
}

export class ActorNameIndex {
  private readonly entries = new Map<string, Entry>();

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
    this.entries.set(id, {
      kind: actor.kind,
      name: actor.name,
      aliases: [...actor.aliases],
      forms: [
        form(actor.name, 0),
        ...actor.aliases.map((a) => form(a, 5)),
        form(id.replace(/-/g, ' '), 10),
      ],
    });
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  /** Each actor id with its kind and forms, in no particular order. */
  entriesOf(): IterableIterator<[string, { kind: ActorKind; forms: readonly NameForm[] }]> {
    return this.entries.entries();
  }
}
